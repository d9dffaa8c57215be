// The OMS dashboard: reads the projection's query API, sends operator commands through it.
// Views by URL hash: #/orders, #/orders/<order id>, #/inventory, #/rejections.
"use strict";

const STATUSES = ["received", "awaiting_payment", "paid", "under_review", "on_hold", "approved", "allocated",
  "in_fulfilment", "partly_shipped", "shipped", "delivered", "completed", "cancelled", "returned", "refunded"];
const DETAIL_POLL_MS = 2000;   // an open order follows its events closely
const LIST_POLL_MS = 5000;     // the overview and the list on show

const $ = (selector) => document.querySelector(selector);
let refreshShown = () => {};  // reloads whatever the current view shows
let shownOrderId = null;
const rendered = new Map();  // element id -> last HTML, so polling does not rebuild unchanged parts

function escapeHtml(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
}

function money(minor, currency) {
  if (minor === null || minor === undefined) return "";
  return `${(minor / 100).toFixed(2)} ${currency || ""}`.trim();
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : "";
}

function label(code) {
  return String(code ?? "").replace(/_/g, " ");
}

function render(id, html) {
  if (rendered.get(id) === html) return;
  rendered.set(id, html);
  document.getElementById(id).innerHTML = html;
}

async function api(path, options = {}) {
  const response = await fetch(path, {headers: {"Accept": "application/json"}, ...options});
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = text; }
  return {ok: response.ok, status: response.status, body};
}

// --- overview -------------------------------------------------------------------------------

async function loadOverview() {
  const offset = -new Date().getTimezoneOffset();
  const {ok, body} = await api(`/api/overview?utc_offset_minutes=${offset}`);
  if (!ok) return;
  const statuses = Object.entries(body.orders_by_status)
    .map(([status, n]) => `<span class="pill status-${escapeHtml(status)}">${escapeHtml(label(status))} ${n}</span>`)
    .join(" ");
  render("overview", `
    <div class="tile"><b>${body.orders_today}</b> orders today</div>
    <div class="tile"><b>${body.orders_total}</b> orders</div>
    <div class="tile"><b>${body.rejections_today}</b> rejections today (${body.rejections_total} in all)</div>
    <div class="tile ${body.low_stock_count ? "warn" : ""}"><b>${body.low_stock_count}</b> low stock</div>
    <div class="statuses">${statuses}</div>`);
}

// --- orders ---------------------------------------------------------------------------------

async function loadOrders() {
  const params = new URLSearchParams({limit: "100"});
  const text = $("#search").value.trim();
  if (text) params.set("q", text);
  if ($("#status-filter").value) params.set("status", $("#status-filter").value);
  const {ok, body} = await api(`/api/orders?${params}`);
  if (!ok) return;
  render("orders-body", body.items.map(orderRow).join(""));
  $("#orders-count").textContent = `${body.total} order(s)`;
}

function orderRow(order) {
  return `<tr>
    <td><a href="#/orders/${encodeURIComponent(order.order_id)}">${escapeHtml(order.order_number || order.order_id)}</a></td>
    <td>${escapeHtml(order.customer_name)} <span class="muted">${escapeHtml(order.phone_masked)}</span></td>
    <td>${escapeHtml(label(order.channel))}</td>
    <td>${escapeHtml(order.city)}</td>
    <td><span class="pill status-${escapeHtml(order.status)}">${escapeHtml(label(order.status))}</span></td>
    <td class="num">${escapeHtml(money(order.grand_total_minor, order.currency))}</td>
    <td>${escapeHtml(when(order.created_at))}</td></tr>`;
}

// --- one order ------------------------------------------------------------------------------

async function loadOrder(orderId) {
  const {ok, status, body} = await api(`/api/orders/${encodeURIComponent(orderId)}`);
  if (orderId !== shownOrderId) return;  // the operator moved on meanwhile
  if (!ok) {
    render("order-head", `<p class="problem">${status === 404 ? "No such order (yet)." : escapeHtml(body?.title)}</p>`);
    return;
  }
  render("order-head", orderHead(body));
  render("checkpoints", body.checkpoints.map(checkpointItem).join(""));
  render("timeline", body.timeline.map(timelineItem).join(""));
  render("shipments", body.shipments.length ? body.shipments.map(shipmentCard).join("") : `<p class="muted">None yet.</p>`);
  render("lines", linesTable(body.lines));
  render("ledger", ledgerTable(body.ledger));
}

function orderHead(order) {
  const hold = order.hold_reason ? ` <span class="muted">(${escapeHtml(label(order.hold_reason))})</span>` : "";
  return `<h2 id="order-title">${escapeHtml(order.order_number || order.order_id)}
      <span class="pill status-${escapeHtml(order.status)}" id="order-status">${escapeHtml(label(order.status))}</span>${hold}</h2>
    <p>${escapeHtml(order.customer_name)} · ${escapeHtml(order.phone_masked)} · ${escapeHtml([order.province, order.city, order.district].filter(Boolean).join(" "))}</p>
    <p>${escapeHtml(label(order.channel))} ${escapeHtml(order.channel_order_id)} · payment ${escapeHtml(label(order.payment_status))}
      · total <b>${escapeHtml(money(order.grand_total_minor, order.currency))}</b> · placed ${escapeHtml(when(order.created_at))}</p>`;
}

function checkpointItem(checkpoint) {
  const title = checkpoint.reached ? `${when(checkpoint.occurred_at)} ${checkpoint.location || ""}` : "not yet";
  return `<li class="${checkpoint.reached ? "reached" : ""}" title="${escapeHtml(title)}">${escapeHtml(checkpoint.label)}</li>`;
}

function timelineItem(entry) {
  const extra = [entry.detail, entry.location].filter(Boolean).map(escapeHtml).join(" · ");
  return `<li class="kind-${escapeHtml(entry.kind)}" data-code="${escapeHtml(entry.code)}">
    <time>${escapeHtml(when(entry.occurred_at))}</time> <b>${escapeHtml(entry.title)}</b>
    ${extra ? `<span class="muted">${extra}</span>` : ""}</li>`;
}

function shipmentCard(shipment) {
  const id = escapeHtml(shipment.shipment_id);
  const buttons = [["start-picking", "Start picking"], ["pick", "Pick"], ["pack", "Pack (QC passed)"], ["dispatch", "Dispatch"]].map(([command, text]) =>
    `<button type="button" data-command="${command}" data-owner="shipments" data-id="${id}">${text}</button>`).join(" ");
  const lines = shipment.lines.map((l) => `${escapeHtml(l.sku)} × ${l.quantity}`).join(", ");
  return `<div class="card shipment" data-shipment-id="${id}">
    <p><b>${escapeHtml(shipment.warehouse_id || "")}</b> <span class="pill">${escapeHtml(label(shipment.status))}</span>
      ${escapeHtml(shipment.carrier_code || "")} ${escapeHtml(shipment.tracking_numbers.join(", "))}</p>
    <p class="muted">${lines} · ${id}</p>
    <div class="commands">${buttons}</div></div>`;
}

function linesTable(lines) {
  const rows = lines.map((l) => `<tr><td>${escapeHtml(l.sku)}</td><td>${escapeHtml(l.name)}</td>
    <td class="num">${l.quantity}</td><td class="num">${escapeHtml(money(l.unit_price_minor, l.currency))}</td></tr>`);
  return `<table class="grid"><thead><tr><th>SKU</th><th>Name</th><th class="num">Qty</th><th class="num">Unit price</th></tr></thead>
    <tbody>${rows.join("")}</tbody></table>`;
}

function ledgerTable(ledger) {
  if (!ledger.entries.length) return `<p class="muted">No journal entries yet.</p>`;
  const rows = ledger.balances.map((b) => `<tr><td>${escapeHtml(b.account_code)}</td>
    <td class="num">${escapeHtml(money(b.debit_minor, b.currency))}</td><td class="num">${escapeHtml(money(b.credit_minor, b.currency))}</td>
    <td class="num">${escapeHtml(money(b.balance_minor, b.currency))}</td></tr>`);
  return `<table class="grid"><thead><tr><th>Account</th><th class="num">Debit</th><th class="num">Credit</th><th class="num">Balance</th></tr></thead>
    <tbody>${rows.join("")}</tbody></table>
    <p class="muted">${ledger.entries.length} journal line(s), ${ledger.balanced ? "balanced" : "NOT balanced"}</p>`;
}

// --- operator commands ----------------------------------------------------------------------

// The bodies the owning services define: order (cancel/hold/release) and fulfillment (pack).
const COMMAND_BODIES = {
  approve: () => ({}),
  hold: (note) => ({reason: $("#hold-reason").value, detail: note}),
  release: (note) => ({note}),
  cancel: (note) => ({reason: $("#cancel-reason").value, detail: note}),
  "start-picking": () => ({}),
  pick: () => ({}),
  pack: (note) => ({quality_check: {passed: true, notes: note}}),  // the button confirms a passed check
  dispatch: () => ({}),
};

function commandBody(command) {
  return COMMAND_BODIES[command]($("#command-note").value.trim());
}

async function sendCommand(button) {
  const {command, owner} = button.dataset;
  const id = owner === "orders" ? shownOrderId : button.dataset.id;
  button.disabled = true;
  try {
    const {ok, status, body} = await api(`/api/commands/${owner}/${encodeURIComponent(id)}/${command}`, {
      method: "POST",
      headers: {"Content-Type": "application/json", "Accept": "application/json", "X-Actor": $("#actor").value.trim() || "operator"},
      body: JSON.stringify(commandBody(command)),
    });
    showAnswer(command, ok, status, body);
  } catch (error) {
    showAnswer(command, false, 0, {title: "The projection did not answer", detail: String(error)});
  } finally {
    button.disabled = false;
  }
  if (shownOrderId) loadOrder(shownOrderId);
}

function showAnswer(command, ok, status, body) {
  const box = $("#command-result");
  if (ok) {
    box.className = "answer ok";
    box.innerHTML = `<b>${escapeHtml(command)}</b> accepted (${status}); the timeline follows when the events arrive.`;
    return;
  }
  const errors = (body?.errors || []).map((e) => `<li>${escapeHtml(e.field)}: ${escapeHtml(e.message)}</li>`).join("");
  box.className = "answer problem";
  box.innerHTML = `<b>${escapeHtml(command)}</b> refused (${status}): ${escapeHtml(body?.title || "")}
    ${body?.detail ? `— ${escapeHtml(body.detail)}` : ""}${errors ? `<ul>${errors}</ul>` : ""}`;
}

// --- inventory and rejections ---------------------------------------------------------------

async function loadInventory() {
  const params = new URLSearchParams();
  if ($("#inventory-sku").value.trim()) params.set("sku", $("#inventory-sku").value.trim());
  if ($("#inventory-warehouse").value.trim()) params.set("warehouse_id", $("#inventory-warehouse").value.trim());
  if ($("#inventory-low").checked) params.set("low_stock", "true");
  const {ok, body} = await api(`/api/inventory?${params}`);
  if (!ok) return;
  render("inventory-body", body.map((s) => `<tr class="${s.low_stock ? "low" : ""}">
    <td>${escapeHtml(s.sku)}</td><td>${escapeHtml(s.product_name)}</td><td>${escapeHtml(s.warehouse_id)}</td>
    <td class="num">${s.on_hand}</td><td class="num">${s.reserved}</td><td class="num">${s.available}</td>
    <td class="num">${s.safety_stock}</td><td>${escapeHtml(when(s.as_of))}</td></tr>`).join(""));
}

async function loadRejections() {
  const {ok, body} = await api("/api/rejections?limit=200");
  if (!ok) return;
  render("rejections-body", body.map((r) => `<tr>
    <td>${escapeHtml(when(r.rejected_at))}</td><td>${escapeHtml(label(r.channel))} ${escapeHtml(r.channel_account)}</td>
    <td>${escapeHtml(r.channel_order_id)}</td>
    <td><ul>${r.reasons.map((x) => `<li><code>${escapeHtml(x.field)}</code> ${escapeHtml(label(x.code))}: ${escapeHtml(x.message)}</li>`).join("")}</ul></td>
    <td class="num">${r.payload_size}</td></tr>`).join(""));
}

// --- navigation -----------------------------------------------------------------------------

function show(view) {
  document.querySelectorAll("main > section").forEach((s) => { s.hidden = s.dataset.view !== view; });
  document.querySelectorAll("nav a").forEach((a) => a.classList.toggle("active", a.dataset.view === (view === "order" ? "orders" : view)));
}

function route() {
  shownOrderId = null;
  const [, view, id] = location.hash.split("/");
  if (view === "orders" && id) {
    shownOrderId = decodeURIComponent(id);
    ["order-head", "checkpoints", "timeline", "shipments", "lines", "ledger"].forEach((e) => rendered.delete(e));
    $("#command-result").textContent = "";
    show("order");
    const orderId = shownOrderId;
    refreshShown = () => loadOrder(orderId);
  } else if (view === "inventory") {
    show("inventory"); refreshShown = loadInventory;
  } else if (view === "rejections") {
    show("rejections"); refreshShown = loadRejections;
  } else {
    show("orders"); refreshShown = loadOrders;
  }
  refreshShown();
}

function start() {
  $("#orders tbody").id = "orders-body";
  $("#inventory tbody").id = "inventory-body";
  $("#rejections tbody").id = "rejections-body";
  $("#status-filter").insertAdjacentHTML("beforeend",
    STATUSES.map((s) => `<option value="${s}">${label(s)}</option>`).join(""));
  $("#order-search").addEventListener("submit", (e) => {
    e.preventDefault();
    if (shownOrderId || !["", "#/orders"].includes(location.hash)) location.hash = "#/orders";  // route() loads
    else loadOrders();
  });
  $("#status-filter").addEventListener("change", loadOrders);
  $("#inventory-filter").addEventListener("submit", (e) => { e.preventDefault(); loadInventory(); });
  $("#order-detail").addEventListener("click", (e) => {
    const button = e.target.closest("button[data-command]");
    if (button) sendCommand(button);
  });
  window.addEventListener("hashchange", route);
  loadOverview();
  setInterval(loadOverview, LIST_POLL_MS);
  setInterval(() => { if (shownOrderId) refreshShown(); }, DETAIL_POLL_MS);
  setInterval(() => { if (!shownOrderId) refreshShown(); }, LIST_POLL_MS);
  route();
}

start();
