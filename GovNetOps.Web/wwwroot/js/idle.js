// Idle sign-out, browser side (等保 8.1.4.1 b). Keyboard, mouse and touch mark the page active; activity is reported
// to the server at most once per `gap` (not per event), and the server answers how long the session has left — the
// server keeps the clock and signs an idle session out whatever this page does. A minute (the policy's warning)
// before the end, a page that saw no activity since its last report shows the warning with a countdown; 继续使用
// reports activity and hides it; at the end the page signs out to the login page.

let state = null;

export function start(root, timeoutSeconds, warningSeconds) {
    stop();
    const gap = Math.min(60000, Math.max(1000, timeoutSeconds * 1000 / 5));
    state = {
        root,
        deadline: Date.now() + timeoutSeconds * 1000,
        warningMs: warningSeconds * 1000,
        gap,
        lastReport: Date.now(),
        pending: false,
        reporting: false,
        flush: 0,
        timer: setInterval(tick, 1000),
        ended: false,
    };
    for (const type of events) window.addEventListener(type, onActivity, { passive: true, capture: true });
    root.querySelector("[data-idle-continue]").addEventListener("click", onContinue);
    root.dataset.live = "1";
}

export function stop() {
    if (!state) return;
    clearInterval(state.timer);
    clearTimeout(state.flush);
    for (const type of events) window.removeEventListener(type, onActivity, { capture: true });
    state.root.querySelector("[data-idle-continue]")?.removeEventListener("click", onContinue);
    state = null;
}

const events = ["keydown", "mousedown", "mousemove", "wheel", "touchstart", "pointerdown"];

function onActivity(e) {
    if (!state || state.ended || !state.root.hidden) return; // while warning, only 继续使用 continues
    state.pending = true;
    if (state.flush) return;
    const wait = Math.max(0, state.lastReport + state.gap - Date.now());
    state.flush = setTimeout(report, wait);
}

function onContinue() {
    if (!state) return;
    report().then(() => { if (state) state.root.hidden = true; });
}

async function report() {
    if (!state || state.reporting) return;
    clearTimeout(state.flush);
    state.flush = 0;
    state.pending = false;
    state.reporting = true;
    const sent = Date.now();
    try {
        const response = await fetch("account/activity", { method: "POST", credentials: "same-origin", headers: { "X-Requested-With": "idle" } });
        if (!state) return;
        if (response.status === 401) { signOut(); return; }
        if (!response.ok) return;
        const answer = await response.json();
        state.lastReport = sent;
        state.deadline = sent + answer.remainingSeconds * 1000;
        state.warningMs = answer.warningSeconds * 1000;
    } catch {
        // offline for a moment: the next activity or tick tries again; the server's clock decides in the end
    } finally {
        if (state) state.reporting = false;
    }
}

// The page signs itself out this much before the server's deadline, so that it is the page that goes to the login page
// and says why: at the deadline itself the server's revalidation of open pages (every 2 s) races it and would take
// the page to the login page without the reason.
const signOutLead = 3000;

function tick() {
    if (!state || state.ended) return;
    const left = state.deadline - signOutLead - Date.now();
    if (left <= 0) { signOut(); return; }
    if (left > state.warningMs) return;
    if (state.pending) { report(); return; } // active since the last report: that is not idleness
    const root = state.root;
    const idleSeconds = Math.round((Date.now() - state.lastReport) / 1000);
    const format = idleSeconds >= 60 ? root.dataset.textMinutes : root.dataset.textSeconds;
    const value = idleSeconds >= 60 ? Math.floor(idleSeconds / 60) : idleSeconds;
    root.querySelector("[data-idle-message]").textContent =
        format.replace("{0}", String(value)).replace("{1}", String(Math.ceil(left / 1000)));
    if (root.hidden) {
        root.hidden = false;
        root.querySelector("[data-idle-continue]").focus();
    }
}

function signOut() {
    if (!state || state.ended) return;
    state.ended = true;
    clearInterval(state.timer);
    // The layout's sign-out form carries the antiforgery token; the idle variant says why on the login page.
    const form = document.querySelector("form.app-sign-out");
    if (form) {
        form.setAttribute("action", "account/idle-signout");
        form.submit();
    } else {
        location.href = "account/login?idle=1";
    }
}
