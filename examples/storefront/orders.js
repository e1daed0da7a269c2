// Example orders for the order screen. Times are relative to when the page opens, so that the
// windows and deadlines are live.
const HOUR = 3_600_000;

export function exampleOrders(now = Date.now()) {
  const iso = (ms) => new Date(ms).toISOString();
  return [
    {
      id: "AK-2291",
      title: "Akulaku AK-2291 · shipped 23 h 59 min ago",
      policy: "akulaku",
      actors: [{ role: "seller" }, { role: "buyer" }],
      facts: { order: "shipped", shipping_method: "self_logistics", shipped_at: iso(now - 24 * HOUR + 60_000), courier_changes: 0, awb: "JNE0001" },
      params: { change_courier: { courier: "SiCepat", awb: "SCP12345" }, mark_delivery_failed: { reason: "invalid_shipping_address" } },
    },
    {
      id: "AK-3050",
      title: "Akulaku AK-3050 · refund requested, balance Rp120.000",
      policy: "akulaku",
      actors: [{ role: "seller" }, { role: "system" }],
      facts: { order: "delivered", shipping_method: "via_akulaku", refund_request: "pending", refund_requested_at: iso(now - 2 * HOUR), refund_amount: 150000, seller_balance: 120000 },
      params: {},
    },
    {
      id: "CL-118",
      title: "Clodeo CL-118 · COD, ready to ship",
      policy: "clodeo",
      actors: [{ role: "seller" }, { role: "admin" }],
      facts: { shipping: "siap_dikirim", payment: "cod" },
      params: { cancel_pickup: { reason: "Buyer changed their mind" }, reject_pickup_cancel: { reason: "Parcel already packed" }, arrange_shipping: { pickup_time: iso(now + 20 * HOUR) } },
    },
    {
      id: "DR-1042",
      title: "Dropi DR-1042 · por alistar",
      policy: "dropi",
      actors: [{ role: "dropshipper" }, { role: "supplier" }],
      facts: { status: "por_alistar" },
      params: {},
    },
    {
      id: "FR-88412",
      title: "Back office 88412 · en attente d'impression, 49,90 €",
      policy: "fr-backoffice",
      actors: [{ role: "agent" }],
      facts: { logistics: "en_attente_impression", order_total: 4990 },
      params: { cancel_order: { contact_channel: "email" }, record_refund_failed: { alternative_payment_method: "virement" } },
    },
  ];
}
