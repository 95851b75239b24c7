"""The few things the app asks of the browser itself, as small scripts run in the page.

Streamlit 1.67 runs the script of `st.html(..., unsafe_allow_javascript=True)` in the app's
own document (not an iframe), once each time its element appears or its text changes. The
router renders one such element on every run, in a container that takes no room
(`render_page_script`). It:

- rewrites Streamlit's connection-lost dialog, which tells the reader to type
  `streamlit run yourscript.py`, to name this app's command, `make run`. Streamlit has no
  setting for that text (it is in its frontend bundle), so a MutationObserver rewrites it
  when the dialog appears; tests/e2e/test_restart.py stops a server to see it;
- keeps the filter across a server restart: after a restart the browser reconnects to a
  new session, and when the reader's first action is a page switch, Streamlit's frontend
  drops the query string (it keeps only widget-bound parameters), so the new session saw
  no filter. The script notes the filter of every run in the document; a new session that
  finds no filter in its URL while the document still holds one reloads the page with it.

Data text reaches a script only as a JSON string with `<`, `>` and `&` escaped
(`js_string`), so no value can close the script or open a tag.
"""

import json

import streamlit as st

# The containers of the page script and of a console message: hidden (every key that
# starts with this), so they take no room in the layout.
SCRIPT_CONTAINER_KEY = "page_script"
CONSOLE_CONTAINER_KEY = "page_script_console"

# What Streamlit's connection-lost dialog tells the reader to run, and this app's command.
STREAMLIT_RUN_HINT = "streamlit run yourscript.py"
RUN_COMMAND = "make run"

# Installs, once per document, the observer that rewrites the connection-lost dialog.
_DIALOG_SCRIPT = """
if (!window.__lakeSevDialog) {
  window.__lakeSevDialog = true;
  const hint = %(hint)s, command = %(command)s;
  const rewrite = (node) => {
    const element = node.nodeType === 1 ? node : node.parentElement;
    if (!element || !element.textContent.includes(hint)) return;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (text.nodeValue.includes(hint)) text.nodeValue = text.nodeValue.replace(hint, command);
    }
  };
  new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(rewrite);
  }).observe(document.body, {childList: true, subtree: true});
}
"""

# Notes the filter of this run; in a new session with no filter in its URL, reloads the
# page with the filter the document held (the session before a server restart).
_FILTER_SCRIPT = """
const filter = %(filter)s, restore = %(restore)s;
const held = window.__lakeSevFilter;
if (restore && held) {
  window.location.replace(window.location.pathname + "?" + held + window.location.hash);
} else {
  window.__lakeSevFilter = filter;
}
"""


# One history entry per thing the reader does. Streamlit's frontend pushes a new entry each
# time the app changes the URL, so a deep link the app corrects on its first run (unknown
# ids dropped, an article named twice) gave the link two entries, and a page switch could
# give two (the page, then the filter written back): the first Back returned to the same
# page. This script replaces the entry instead when the app changes the URL of the same
# page and the reader has pressed no key or pointer since the last entry was made. Its code
# can arrive after the first run's URL change: then a Back that lands on the link's own
# entry goes one step further, to the page before the link.
_HISTORY_SCRIPT = """
if (!window.__lakeSevHistory) {
  window.__lakeSevHistory = true;
  const navigation = performance.getEntriesByType("navigation")[0];
  const linked = navigation ? navigation.name : null;
  let superseded = linked !== null && window.location.href !== linked;
  let actions = 0, actionsAtLastEntry = 0;
  for (const type of ["pointerdown", "keydown"]) {
    window.addEventListener(type, () => { actions += 1; }, {capture: true});
  }
  const push = window.history.pushState.bind(window.history);
  window.history.pushState = (state, unused, url) => {
    const target = new URL(url, window.location.href);
    if (actions === actionsAtLastEntry && target.pathname === window.location.pathname) {
      window.history.replaceState(state, unused, url);
      return;
    }
    if (actions === 0 && window.location.href === linked) superseded = true;
    actionsAtLastEntry = actions;
    push(state, unused, url);
  };
  window.addEventListener("popstate", () => {
    if (superseded && window.history.state === null && window.location.href === linked) {
      window.history.back();
    }
  });
}
"""


def js_string(text: str) -> str:
    """``text`` as a JavaScript string literal safe inside a <script> element."""
    literal = json.dumps(text, ensure_ascii=True)
    return literal.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_script(filter_query: str, restore_filter: bool) -> str:
    """The page script's text: the dialog rewrite, one history entry per reader's action,
    then the filter kept (see the module)."""
    dialog = _DIALOG_SCRIPT % {
        "hint": js_string(STREAMLIT_RUN_HINT),
        "command": js_string(RUN_COMMAND),
    }
    keep = _FILTER_SCRIPT % {
        "filter": js_string(filter_query),
        "restore": "true" if restore_filter else "false",
    }
    return f"<script>(() => {{{dialog}{_HISTORY_SCRIPT}{keep}}})();</script>"


def render_page_script(filter_query: str = "", restore_filter: bool = False) -> None:
    """Run the page script (the router calls it on every run, after the filter is read).

    ``filter_query`` is the filter as a query string (``actor=…&side=…``);
    ``restore_filter`` says that this session is new and its URL held no filter.
    """
    _hidden_html(page_script(filter_query, restore_filter), SCRIPT_CONTAINER_KEY)


def log_to_console(message: str, level: str = "error") -> None:
    """Write ``message`` to the browser's console (``console.error`` or ``console.warn``),
    for whoever debugs the page with the developer tools."""
    method = "warn" if level == "warn" else "error"
    _hidden_html(f"<script>console.{method}({js_string(message)});</script>", CONSOLE_CONTAINER_KEY)


def _hidden_html(body: str, key: str) -> None:
    # A style-only st.html goes to Streamlit's event container and takes no room; the
    # script's container is hidden by it.
    st.html(f'<style>[class*="st-key-{SCRIPT_CONTAINER_KEY}"] {{display: none}}</style>')
    with st.container(key=key):
        st.html(body, unsafe_allow_javascript=True)
