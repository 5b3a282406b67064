//! The line editor: history with Up/Down, Tab completion, automatic IMAP tags, and the
//! parser's diagnostic shown under the line before it is sent.

use facteur_protocols::assist::{complete, imap_needs_tag, wants_argument, LineProblem};
use facteur_protocols::explain::terminal::{awaiting, line_problem};
use facteur_protocols::vocab::Awaiting;
use facteur_protocols::Service;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::browser::focus_later;
use crate::history::History;
use crate::i18n::{use_lang, use_texts};
use crate::state::{use_console, use_scene};

/// The longest line the command line holds, in UTF-16 units as the browser counts them:
/// more than any of the servers accepts (IMAP's 8,192 octets), so a learner can still see
/// a server refuse a line that is too long, and a 10 MB paste cannot stall the page.
const MAX_DRAFT: usize = 10_000;

/// The longest prefix all candidates share, compared without regard to case.
fn common_prefix(candidates: &[String]) -> String {
    let Some(first) = candidates.first() else {
        return String::new();
    };
    let mut end = first.len();
    for c in &candidates[1..] {
        end = end.min(
            first
                .char_indices()
                .zip(c.chars())
                .take_while(|((_, a), b)| a.eq_ignore_ascii_case(b))
                .last()
                .map_or(0, |((i, a), _)| i + a.len_utf8()),
        );
    }
    first[..end].to_owned()
}

/// The line with its last word replaced.
fn with_last_word(line: &str, word: &str) -> String {
    match line.rfind(' ') {
        Some(i) => format!("{}{word}", &line[..=i]),
        None => word.to_owned(),
    }
}

#[component]
pub fn Prompt() -> impl IntoView {
    let (scene, console, texts, lang) = (use_scene(), use_console(), use_texts(), use_lang());
    let draft = RwSignal::new(String::new());
    let history = StoredValue::new(History::default());
    let candidates = RwSignal::new(Vec::<String>::new());
    // After Escape, the next Tab leaves the command line instead of completing.
    let escaped = StoredValue::new(false);
    let info = Memo::new(move |_| console.info());
    let connected = move || info.with(Option::is_some);
    // When the connection ends by the server (QUIT, LOGOUT, a timeout) while the learner
    // types, focus goes back to Connect instead of being lost with the disabled command
    // line. A connection a lesson step closes as it opens leaves the focus on the step.
    let typing_here = StoredValue::new(false);
    Effect::new(move |was: Option<bool>| {
        let now = console.connection().is_some();
        if was == Some(true) && !now && typing_here.get_value() {
            typing_here.set_value(false);
            focus_later("connect-button");
        }
        now
    });

    let problem = Memo::new(move |_| {
        let info = info.get()?;
        if info.awaiting != Awaiting::Command {
            return None;
        }
        draft.with(|d| facteur_protocols::assist::check_line(info.service, d, info.lenient))
    });
    let sent_as = move || {
        let info = info.get()?;
        let line = draft.get();
        (info.service == Service::Imap
            && info.awaiting == Awaiting::Command
            && imap_needs_tag(&line))
        .then(|| console.outgoing(&line))
    };

    let at_limit =
        move || draft.with(|d| d.len() >= MAX_DRAFT && d.encode_utf16().count() >= MAX_DRAFT);
    let suggested = Memo::new(move |_| console.suggestions());
    let insert = move |line: String| {
        draft.set(line);
        candidates.set(Vec::new());
        focus_later("command-line");
    };
    let on_key = move |ev: KeyboardEvent| {
        let Some(info) = info.get_untracked() else {
            return;
        };
        let key = ev.key();
        let was_escaped = escaped.get_value();
        escaped.set_value(key == "Escape");
        // Alt+1, Alt+2… put a suggested line on the command line.
        if ev.alt_key() {
            if let Some(n) = key.parse::<usize>().ok().filter(|n| *n >= 1) {
                if let Some(line) = suggested.with_untracked(|s| s.get(n - 1).cloned()) {
                    ev.prevent_default();
                    insert(line);
                }
                return;
            }
        }
        match key.as_str() {
            "Escape" => candidates.set(Vec::new()),
            "Enter" => {
                ev.prevent_default();
                let line = draft.get_untracked();
                // A class page whose connection is down keeps the line to send again.
                if !scene.send(console, &line) {
                    return;
                }
                history.update_value(|h| h.push(&line));
                draft.set(String::new());
                candidates.set(Vec::new());
            }
            "ArrowUp" => {
                ev.prevent_default();
                if let Some(line) = history
                    .try_update_value(|h| h.up(&draft.get_untracked()))
                    .flatten()
                {
                    draft.set(line);
                }
            }
            "ArrowDown" => {
                ev.prevent_default();
                if let Some(line) = history.try_update_value(|h| h.down()).flatten() {
                    draft.set(line);
                }
            }
            // Tab completes what has been begun; on an empty line, or after Escape, it
            // moves on to the next control like any Tab.
            "Tab" if !ev.shift_key() && !was_escaped => {
                let line = draft.get_untracked();
                if line.trim().is_empty() {
                    return;
                }
                let found = complete(info.service, &line, &info.mailboxes);
                if found.is_empty() {
                    return;
                }
                ev.prevent_default();
                if let [only] = found.as_slice() {
                    let space = if wants_argument(info.service, only) {
                        " "
                    } else {
                        ""
                    };
                    draft.set(format!("{}{space}", with_last_word(&line, only)));
                    candidates.set(Vec::new());
                } else {
                    draft.set(with_last_word(&line, &common_prefix(&found)));
                    candidates.set(found);
                }
            }
            _ => {}
        }
    };

    view! {
        <div class="prompt-area">
            <div class="prompt" class:offline=move || !connected()>
                <label for="command-line" class="visually-hidden">{move || texts.get().command_line}</label>
                <span class="prompt-sign" aria-hidden="true">">"</span>
                <input
                    id="command-line"
                    class="prompt-input"
                    type="text"
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    aria-describedby="prompt-help"
                    prop:disabled=move || !connected()
                    placeholder=move || if connected() { texts.get().placeholder } else { texts.get().placeholder_offline }
                    prop:value=move || draft.get()
                    maxlength=MAX_DRAFT.to_string()
                    on:input=move |ev| {
                        draft.set(event_target_value(&ev));
                        candidates.set(Vec::new());
                    }
                    on:keydown=on_key
                    on:focus=move |_| typing_here.set_value(true)
                    // Disabling the focused command line blurs it: that blur keeps the mark.
                    on:blur=move |ev| {
                        let disabled = event_target::<web_sys::HtmlInputElement>(&ev).disabled();
                        typing_here.set_value(disabled);
                    }
                />
            </div>
            <Show when=at_limit>
                <p class="prompt-limit" role="status">{move || texts.get().prompt_limit}</p>
            </Show>
            <Show when=move || connected() && !suggested.with(Vec::is_empty)>
                <div class="suggestions" role="group" aria-label=move || texts.get().suggestions>
                    <span class="suggestions-label">{move || texts.get().suggestions}</span>
                    {move || suggested.get().into_iter().enumerate().map(|(i, line)| {
                        let shown = line.clone();
                        view! {
                            <button type="button" class="suggestion"
                                aria-keyshortcuts=format!("Alt+{}", i + 1)
                                on:click=move |_| insert(line.clone())>
                                <code>{shown}</code>
                                <kbd>{format!("Alt+{}", i + 1)}</kbd>
                            </button>
                        }
                    }).collect_view()}
                </div>
            </Show>
            <super::sasl_helper::SaslHelper draft=draft />
            <div id="prompt-help" class="prompt-help">
                <p class="keys">{move || texts.get().keys_help}</p>
                <p class="awaiting">{move || info.get().map(|i| awaiting(i.awaiting, lang.get()))}</p>
                {move || sent_as().map(|line| view! {
                    <p class="sent-as">{texts.get().sent_as}<code>{line}</code></p>
                })}
                {move || problem.get().map(|p| {
                    let kind = if matches!(p, LineProblem::MissingTag) { "diagnostic info" } else { "diagnostic" };
                    view! { <p class=kind role="note">{line_problem(&p, lang.get())}</p> }
                })}
                <Show when=move || !candidates.with(Vec::is_empty)>
                    <p class="completions">
                        {move || texts.get().completions}
                        {move || candidates.get().into_iter().map(|c| view! { <code>{c}</code>" " }).collect_view()}
                    </p>
                </Show>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completion_helpers_keep_what_was_typed_before_the_word() {
        assert_eq!(
            with_last_word("a1 SELECT Re", "Receipts"),
            "a1 SELECT Receipts"
        );
        assert_eq!(with_last_word("EH", "EHLO"), "EHLO");
        assert_eq!(common_prefix(&["RCPT".into(), "RSET".into()]), "R");
        assert_eq!(common_prefix(&["STARTTLS".into(), "STATUS".into()]), "STA");
        assert_eq!(common_prefix(&[]), "");
    }
}
