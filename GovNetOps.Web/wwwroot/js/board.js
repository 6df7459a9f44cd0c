// Live breach board, browser side. The server renders rows only when a ticket changes; this module ticks
// every countdown once a second from the deadline instant in the rows' data attributes and flips their
// colour at the instants the server computed (data-warning-from, data-breach-from: ClockSignal, the one colour
// rule), so time passing costs the server nothing and no rule is restated here. Text is written into the
// existing text nodes, which Blazor keeps owning.

const boards = new Map(); // root element -> server clock offset in ms
let timer = 0;

export function start(root, serverNowMs) {
    boards.set(root, serverNowMs - Date.now());
    // Marks the board as live (interactive and ticking); tests and the benchmark wait for it.
    root.dataset.live = "1";
    tick();
    if (!timer) schedule();
}

export function stop(root) {
    boards.delete(root);
}

function schedule() {
    // Aligned to whole seconds, so every countdown on the wall changes together. (A random phase per page was
    // tried to spread the repaint of many boards on one machine: no better push latency, more browser CPU.)
    // Stops once no board is left on the page (stop(), or a board navigated away): an idle page wakes for nothing.
    timer = setTimeout(() => { tick(); if (boards.size > 0) schedule(); else timer = 0; }, 1000 - (Date.now() % 1000) + 5);
}

// Rows scrolled or laid out off screen keep their colour current but skip the once-a-second text: writing it
// would re-lay out and re-shape a row nobody sees (a fibre cut can open dozens). A row coming into view is
// brought up to date at once; a row not yet seen by the observer counts as visible.
const offscreen = new WeakSet();
const observed = new WeakSet();
const visibility = typeof IntersectionObserver === "function"
    ? new IntersectionObserver(entries => {
        for (const entry of entries) {
            if (entry.isIntersecting) {
                offscreen.delete(entry.target);
                const root = entry.target.closest("[data-testid=board]");
                if (boards.has(root)) updateRow(entry.target, Date.now() + boards.get(root), root.dataset.overdue ?? "");
            } else {
                offscreen.add(entry.target);
            }
        }
    }, { rootMargin: "200px 0px" })
    : null;

function tick() {
    for (const [root, offset] of boards) {
        if (!root.isConnected) { boards.delete(root); continue; }
        const now = Date.now() + offset;
        const overdue = root.dataset.overdue ?? "";
        if (root.dataset.screenMs) page(root, root.querySelectorAll(".board-row"));
        for (const row of root.querySelectorAll(".board-row[data-deadline]")) {
            if (visibility && !observed.has(row)) { observed.add(row); visibility.observe(row); }
            updateRow(row, now, overdue, offscreen.has(row));
        }
        const wallClock = document.querySelector("[data-wall-clock]");
        if (wallClock) setText(wallClock, chinaTime(now));
    }
}

// Wall paging: presentation only. When the open faults do not fit on the wall, show them a screen at a time, in
// the order the page places them (the server's CSS order, then report order), each screen for data-screen-ms,
// so every open fault is on the wall within one cycle. The marker ("第 1/3 屏") is the server's resource text.
const screens = new WeakMap(); // root -> { index, since, rowHeight, listHeight }

// The sizes paging needs come from a ResizeObserver, which the browser fills in after its own layout: the tick reads
// no layout (a getBoundingClientRect or clientHeight there would force one on every page every second).
const sizedRows = new WeakSet();
const sized = typeof ResizeObserver === "function"
    ? new ResizeObserver(entries => {
        const changed = new Set();
        for (const entry of entries) {
            const root = entry.target.closest("[data-testid=board]");
            const state = screens.get(root);
            const height = entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height;
            if (!state || height <= 0) continue; // a row paged out (display: none) has no size
            const list = entry.target.classList.contains("board-rows");
            const size = list ? entry.contentRect.height : height;
            if (size === (list ? state.listHeight : state.rowHeight)) continue;
            if (list) state.listHeight = size; else state.rowHeight = size;
            changed.add(root);
        }
        // New sizes (the first layout, a resized window): re-page at once rather than at the next tick.
        for (const root of changed) if (boards.has(root)) page(root, root.querySelectorAll(".board-row"));
    })
    : null;

function page(root, rows) {
    const list = root.querySelector(".board-rows");
    const marker = root.querySelector(".board-screen");
    if (!list) return;
    let state = screens.get(root);
    if (!state) {
        state = { index: 0, since: Date.now(), rowHeight: 0, listHeight: 0 };
        screens.set(root, state);
        sized?.observe(list);
    }
    const placed = [...rows].map((row, i) => ({ row, i, order: Number(row.style.order) || 0 }))
        .sort((a, b) => a.order - b.order || a.i - b.i).map(x => x.row);
    for (const row of placed) {
        if (!sizedRows.has(row)) { sizedRows.add(row); sized?.observe(row); }
    }
    const perScreen = state.rowHeight > 0 && state.listHeight > 0
        ? Math.max(1, Math.floor((state.listHeight + 0.5) / state.rowHeight)) : placed.length;
    const count = Math.max(1, Math.ceil(placed.length / perScreen));
    if (Date.now() - state.since >= Number(root.dataset.screenMs) - 50) { state.index++; state.since = Date.now(); }
    if (state.index >= count || count === 1) state.index = count === 1 ? 0 : state.index % count;
    placed.forEach((row, k) => {
        const out = count > 1 && Math.floor(k / perScreen) !== state.index;
        if (out && row.dataset.screenOut === undefined) row.dataset.screenOut = "";
        if (!out && row.dataset.screenOut !== undefined) { delete row.dataset.screenOut; offscreen.delete(row); }
    });
    if (count > 1) {
        if (root.dataset.screens !== String(count)) root.dataset.screens = String(count);
        setText(marker, (root.dataset.screenFormat ?? "{0}/{1}").replace("{0}", state.index + 1).replace("{1}", count));
    } else if (root.dataset.screens !== undefined) {
        delete root.dataset.screens;
    }
}

function updateRow(row, now, overdue, colourOnly = false) {
    const deadline = Number(row.dataset.deadline);
    const state = now >= Number(row.dataset.breachFrom) ? "Breached"
        : now >= Number(row.dataset.warningFrom) ? "Warning" : "OnTrack";
    if (row.dataset.state !== state) row.dataset.state = state;
    if (colourOnly) return;
    const left = deadline - now;
    setText(row.querySelector(".board-countdown"), (left < 0 ? overdue : "") + clock(left));
}

function setText(element, text) {
    const node = element?.firstChild;
    if (node && node.nodeType === Node.TEXT_NODE && node.nodeValue !== text) node.nodeValue = text;
}

// "1:02:03", hours not folded into days; truncates like TimeSpan's components in BoardRules.Clock.
function clock(ms) {
    const total = Math.floor(Math.abs(ms) / 1000);
    const h = Math.floor(total / 3600), m = Math.floor(total / 60) % 60, s = total % 60;
    return `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

const chinaFormat = new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false,
});

function chinaTime(ms) {
    const p = Object.fromEntries(chinaFormat.formatToParts(new Date(ms)).map(x => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

// Wall mode recovery. Blazor retries the circuit itself and reports progress as classes on
// #components-reconnect-modal. Once it gives up (network down too long) or the server no longer knows the
// circuit (restart), poll the health endpoint and reload the page as soon as the server answers.
let watching = false;

export function watchConnection(healthUrl) {
    const modal = document.getElementById("components-reconnect-modal");
    if (!modal || watching) return;
    watching = true;
    // A light request every 30 min keeps the sign-in cookie's sliding expiry fresh (the circuit itself sends
    // no HTTP requests), so a reload after days on the wall still lands on the board, not on the login page.
    setInterval(() => fetch(healthUrl, { cache: "no-store" }).catch(() => {}), 30 * 60 * 1000);
    // The wall runs unattended: nobody moves a mouse in front of it, so it reports itself as the activity that keeps
    // its session from the idle sign-out (Security:Sessions:IdleTimeout), at a third of the time the server says is
    // left (at most every minute). Only this page does; the desk board and every other page idle out as the policy
    // says. (A display-only device account that opens nothing but the wall is the better design and is not built yet;
    // README, "Passwords and sessions".)
    keepDisplaySession();
    let polling = false;
    new MutationObserver(() => {
        const c = modal.classList;
        const gaveUp = c.contains("components-reconnect-failed") || c.contains("components-reconnect-rejected")
            || c.contains("components-reconnect-resume-failed");
        if (gaveUp && !polling) {
            polling = true;
            reloadWhenServerIsBack(healthUrl);
        }
    }).observe(modal, { attributes: true, attributeFilter: ["class"] });
}

async function keepDisplaySession() {
    let next = 30000;
    try {
        const response = await fetch("account/activity", { method: "POST", credentials: "same-origin", headers: { "X-Requested-With": "wall" } });
        if (response.ok) {
            const answer = await response.json();
            next = Math.min(60000, Math.max(1000, answer.remainingSeconds * 1000 / 3));
        }
    } catch {
        // Offline for a moment: try again soon; the circuit's own recovery handles longer outages.
        next = 5000;
    }
    setTimeout(keepDisplaySession, next);
}

async function reloadWhenServerIsBack(healthUrl) {
    for (;;) {
        try {
            const response = await fetch(healthUrl, { cache: "no-store" });
            if (response.ok) { location.reload(); return; }
        } catch {
            // Still unreachable.
        }
        await new Promise(resolve => setTimeout(resolve, 5000));
    }
}
