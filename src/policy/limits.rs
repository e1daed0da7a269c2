//! Size and nesting limits. A policy beyond them is refused with a clear error, so that no
//! document can make loading or deciding slow enough to hang a browser tab.

/// The largest policy text accepted, in bytes.
pub const MAX_POLICY_BYTES: usize = 1 << 20;
/// The largest request text (facts, actor, action) accepted, in bytes.
pub const MAX_REQUEST_BYTES: usize = 256 << 10;
/// How deep conditions may nest.
pub const MAX_DEPTH: usize = 12;
/// Children of one `all` or `any`.
pub const MAX_CHILDREN: usize = 64;
pub const MAX_RULES: usize = 1_000;
pub const MAX_DIMENSIONS: usize = 16;
/// Statuses per dimension (and values per enum): they are kept as bits of a `u128`.
pub const MAX_STATUSES: usize = 128;
pub const MAX_FACTS: usize = 256;
/// Roles: they are kept as bits of a `u64`.
pub const MAX_ROLES: usize = 64;
pub const MAX_ACTIONS: usize = 256;
pub const MAX_PARAMS: usize = 32;
pub const MAX_EFFECTS: usize = 32;
pub const MAX_MESSAGES: usize = 1_000;
pub const MAX_HOLIDAYS: usize = 2_000;
pub const MAX_TEXT_BYTES: usize = 2_000;
/// Condition nodes in a whole policy: the bound on the work of one decision.
pub const MAX_CONDITION_NODES: usize = 20_000;
