//! One lesson file, as a teacher writes it: TOML, with Markdown in its text fields. See
//! `lessons/README.md` for the format and a worked example.

use facteur_protocols::device::people::device_id;
use facteur_protocols::device::people::PEOPLE;
use facteur_protocols::lesson::course::{Choice, Lesson, Quiz, QuizKind, Start, Step};
use facteur_protocols::lesson::goal::{Check, Goal, EVENT_KINDS};
use facteur_protocols::lesson::text::Block;
use facteur_protocols::store::Preset;
use facteur_protocols::table::{Action, SettingsChange};
use facteur_protocols::Port;
use serde::Deserialize;

use crate::markdown;
use crate::LessonError;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LessonFile {
    number: u32,
    id: String,
    title: String,
    summary: String,
    recap: String,
    step: Vec<StepFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepFile {
    id: String,
    title: String,
    text: String,
    #[serde(default)]
    start: Start,
    #[serde(default)]
    goal: Vec<Goal>,
    #[serde(default)]
    hints: Vec<String>,
    #[serde(default)]
    quiz: Option<QuizFile>,
    #[serde(default)]
    solution: Vec<Written>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuizFile {
    kind: QuizKind,
    question: String,
    choice: Vec<ChoiceFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChoiceFile {
    text: String,
    #[serde(default)]
    right: bool,
    why: String,
}

/// Reads one lesson file. `name` is its path as errors should print it; `french` applies
/// French typography to its text.
pub fn read(name: &str, source: &str, french: bool) -> Result<Lesson, LessonError> {
    let at = |line: usize, reason: String| LessonError {
        file: name.to_owned(),
        line,
        reason,
    };
    let file: LessonFile = toml::from_str(source).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(source, s.start));
        at(line, e.message().to_owned())
    })?;
    // Where a step's problems are reported: the line of its `id`.
    let step_line = |id: &str| {
        source
            .lines()
            .position(|l| {
                let l = l.trim();
                l.starts_with("id") && l.contains(&format!("\"{id}\""))
            })
            .map_or(1, |i| i + 1)
    };
    let md = |line: usize, text: &str| markdown::blocks(text, french).map_err(|r| at(line, r));
    // Plain text fields get the same typography as the Markdown ones.
    let plain = |text: String| {
        if french {
            crate::typography::french(&text)
        } else {
            text
        }
    };
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let expected = format!("{:02}-{}.toml", file.number, file.id);
    if stem != expected {
        return Err(at(
            1,
            format!(
                "a lesson numbered {} with id `{}` must be in a file named {expected}",
                file.number, file.id
            ),
        ));
    }
    if file.step.is_empty() {
        return Err(at(1, "a lesson needs at least one [[step]]".to_owned()));
    }
    let mut steps = Vec::new();
    for (i, s) in file.step.into_iter().enumerate() {
        let line = step_line(&s.id);
        let fail = |reason: String| at(line, format!("step `{}`: {reason}", s.id));
        if steps.iter().any(|x: &Step| x.id == s.id) {
            return Err(fail("two steps have this id".to_owned()));
        }
        if i == 0 && s.start.world.is_none() {
            return Err(fail(
                "the first step must name its world: [step.start] world = \"demo\"".to_owned(),
            ));
        }
        check_start(&s.start).map_err(&fail)?;
        if s.goal.is_empty() {
            return Err(fail("a step needs at least one [[step.goal]]".to_owned()));
        }
        if s.hints.is_empty() {
            return Err(fail("a step needs at least one hint".to_owned()));
        }
        if s.solution.is_empty() {
            return Err(fail("a step needs a reference solution".to_owned()));
        }
        for goal in &s.goal {
            check_goal(goal).map_err(&fail)?;
        }
        for action in &s.solution {
            check_action(action, s.quiz.as_ref()).map_err(&fail)?;
        }
        let quiz = match s.quiz {
            Some(q) => Some(quiz(q, &|t| md(line, t)).map_err(&fail)?),
            None => None,
        };
        let asks = s.goal.iter().any(|g| matches!(g.check, Check::Quiz(true)));
        if quiz.is_some() != asks {
            return Err(fail(
                "a step with a [step.quiz] has a goal `quiz = true`, and only such a step"
                    .to_owned(),
            ));
        }
        let hints = s
            .hints
            .iter()
            .map(|h| md(line, h))
            .collect::<Result<Vec<_>, _>>()?;
        let goals = s
            .goal
            .into_iter()
            .map(|g| Goal {
                says: plain(g.says),
                check: g.check,
            })
            .collect();
        steps.push(Step {
            title: plain(s.title),
            text: md(line, &s.text)?,
            start: s.start,
            goals,
            hints,
            quiz,
            solution: s.solution.into_iter().map(Written::action).collect(),
            id: s.id,
        });
    }
    Ok(Lesson {
        number: file.number,
        id: file.id,
        title: plain(file.title),
        summary: plain(file.summary),
        recap: md(1, &file.recap)?,
        steps,
    })
}

fn quiz(q: QuizFile, md: &dyn Fn(&str) -> Result<Vec<Block>, LessonError>) -> Result<Quiz, String> {
    let right = q.choice.iter().filter(|c| c.right).count();
    if q.choice.len() < 2 {
        return Err("a question needs at least two choices".to_owned());
    }
    match (q.kind, right) {
        (_, 0) => return Err("no choice is marked right = true".to_owned()),
        (QuizKind::Single | QuizKind::Predict, n) if n > 1 => {
            return Err(
                format!("a {:?} question has one right choice, not {n}", q.kind).to_lowercase(),
            )
        }
        _ => {}
    }
    let mut choices = Vec::new();
    for c in q.choice {
        choices.push(Choice {
            text: md(&c.text).map_err(|e| e.reason)?,
            right: c.right,
            why: md(&c.why).map_err(|e| e.reason)?,
        });
    }
    Ok(Quiz {
        kind: q.kind,
        question: md(&q.question).map_err(|e| e.reason)?,
        choices,
    })
}

fn known_device(id: &str) -> Result<(), String> {
    let known: Vec<String> = PEOPLE
        .iter()
        .flat_map(|(login, kinds)| kinds.iter().map(move |k| device_id(login, *k)))
        .collect();
    if known.iter().any(|k| k == id) {
        Ok(())
    } else {
        Err(format!(
            "no device is called `{id}` (there are: {})",
            known.join(", ")
        ))
    }
}

fn known_port(port: u16) -> Result<(), String> {
    Port::from_number(port).map(|_| ()).ok_or_else(|| {
        format!("no server listens on port {port} (25, 587, 465, 110, 995, 143, 993)")
    })
}

fn check_start(start: &Start) -> Result<(), String> {
    if let Some(world) = &start.world {
        Preset::builtin(world).map_err(|_| {
            format!("no built-in world is called `{world}` (demo, empty, busy-500, busy-10000)")
        })?;
    }
    for id in start.reading.keys().chain(start.settings.keys()) {
        known_device(id)?;
    }
    if let Some(t) = &start.terminal {
        known_device(&t.device)?;
        known_port(t.port)?;
    }
    for id in start.device.iter().chain(&start.watch) {
        known_device(id)?;
    }
    Ok(())
}

fn check_goal(goal: &Goal) -> Result<(), String> {
    match &goal.check {
        Check::Device(d) => known_device(&d.device),
        Check::Setting(s) => known_device(&s.device),
        Check::Sent(s) => s.port.map_or(Ok(()), known_port),
        Check::Event(e) if !EVENT_KINDS.contains(&e.kind.as_str()) => Err(format!(
            "no event is called `{}` (there are: {})",
            e.kind,
            EVENT_KINDS.join(", ")
        )),
        Check::Message(m) => m.flag.as_deref().map_or(Ok(()), |f| {
            facteur_protocols::lesson::goal::flag(f)
                .map(|_| ())
                .ok_or_else(|| format!("`{f}` is not a flag"))
        }),
        _ => Ok(()),
    }
}

/// A line of a reference solution as a lesson file writes it: the table's actions, with
/// the terminal's lines written short (`{ type = "EHLO x" }` goes to the terminal opened
/// last) and the device's buttons under `device`.
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
enum Written {
    Connect {
        device: String,
        port: u16,
    },
    Type(String),
    Device(Action),
    Settings {
        device: String,
        #[serde(flatten)]
        change: SettingsChange,
    },
    Answer(Vec<usize>),
}

impl Written {
    /// The action it writes; a solution's terminal forgives typing mistakes, as the
    /// course's does.
    fn action(self) -> Action {
        match self {
            Written::Connect { device, port } => Action::Connect {
                device,
                port,
                lenient: true,
            },
            Written::Type(line) => Action::Type { device: None, line },
            Written::Device(action) => action,
            Written::Settings { device, change } => Action::Settings { device, change },
            Written::Answer(choices) => Action::Answer { choices },
        }
    }
}

fn check_action(action: &Written, quiz: Option<&QuizFile>) -> Result<(), String> {
    match action {
        Written::Connect { device, port } => {
            known_device(device)?;
            known_port(*port)
        }
        Written::Device(action) if action.at_terminal() => {
            Err("a terminal's action is written `connect` or `type`, not under `device`".to_owned())
        }
        Written::Device(action) => match action.device() {
            Some(device) => known_device(device),
            None => Err("an answer is written `answer`, not under `device`".to_owned()),
        },
        Written::Settings { device, .. } => known_device(device),
        Written::Answer(choices) => {
            let n = quiz.map_or(0, |q| q.choice.len());
            match choices.iter().find(|&&c| c == 0 || c > n) {
                Some(c) => Err(format!(
                    "the answer {c} is not one of the {n} choices (numbered from 1)"
                )),
                None => Ok(()),
            }
        }
        Written::Type(_) => Ok(()),
    }
}

/// The line (from 1) of a byte offset.
fn line_of(source: &str, offset: usize) -> usize {
    source[..offset.min(source.len())].matches('\n').count() + 1
}
