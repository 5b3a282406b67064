//! A teacher's mistake in a lesson file is reported with the file, the line and the reason.

use facteur_lessons::read;

const GOOD: &str = r#"
number = 1
id = "journey"
title = "A title"
summary = "One sentence."
recap = "What you learnt."

[[step]]
id = "first"
title = "First"
text = "Type `EHLO`."
hints = ["Type EHLO."]
solution = [{ connect = { device = "alice-laptop", port = 25 } }, { type = "EHLO x" }]

[step.start]
world = "demo"

[[step.goal]]
says = "Greet the server"
sent = { command = "EHLO", answer = "250" }
"#;

#[test]
fn a_good_file_reads() {
    let lesson = read("lessons/en/01-journey.toml", GOOD, "en").expect("reads");
    assert_eq!(lesson.steps.len(), 1);
}

#[test]
fn a_toml_mistake_names_its_line() {
    let bad = GOOD.replace("says = \"Greet the server\"", "says = Greet the server");
    let err = read("lessons/en/01-journey.toml", &bad, "en").unwrap_err();
    assert_eq!(
        (err.file.as_str(), err.line),
        ("lessons/en/01-journey.toml", 19),
        "{err}"
    );
}

#[test]
fn an_unknown_goal_names_its_line() {
    let bad = GOOD.replace("sent = {", "sendt = {");
    let err = read("lessons/en/01-journey.toml", &bad, "en").unwrap_err();
    assert_eq!(err.line, 18, "{err}");
    assert!(
        err.reason.contains("sendt") && err.reason.contains("delivered"),
        "{err}"
    );
}

#[test]
fn an_unknown_device_names_the_step_and_the_devices() {
    let bad = GOOD.replace("alice-laptop", "alice-phone");
    let err = read("lessons/en/01-journey.toml", &bad, "en").unwrap_err();
    assert_eq!(err.line, 9, "{err}");
    assert!(
        err.reason.contains("alice-phone") && err.reason.contains("bob-tablet"),
        "{err}"
    );
}

#[test]
fn a_step_without_hints_or_a_world_is_refused() {
    let bad = GOOD.replace("hints = [\"Type EHLO.\"]", "");
    let err = read("lessons/en/01-journey.toml", &bad, "en").unwrap_err();
    assert!(err.reason.contains("hint"), "{err}");
    let bad = GOOD.replace("world = \"demo\"", "");
    let err = read("lessons/en/01-journey.toml", &bad, "en").unwrap_err();
    assert!(err.reason.contains("world"), "{err}");
}

#[test]
fn a_file_name_must_match_number_and_id() {
    let err = read("lessons/en/02-journey.toml", GOOD, "en").unwrap_err();
    assert!(err.reason.contains("01-journey.toml"), "{err}");
}

#[test]
fn an_unsafe_link_is_refused() {
    let bad = GOOD.replace("Type `EHLO`.", "[x](http://example.test)");
    let err = read("lessons/en/01-journey.toml", &bad, "en").unwrap_err();
    assert!(err.reason.contains("https://"), "{err}");
}

#[test]
fn parity_names_a_french_goal_that_checks_something_else() {
    use facteur_lessons::parity;
    use facteur_protocols::lesson::course::Course;
    let en = read("lessons/en/01-journey.toml", GOOD, "en").expect("reads");
    let fr_source = GOOD
        .replace("Greet the server", "Saluer le serveur")
        .replace("answer = \"250\"", "answer = \"220\"");
    let fr = read("lessons/fr/01-journey.toml", &fr_source, "fr").expect("reads");
    let mut course = Course::default();
    course.languages.insert("en".into(), vec![en.clone()]);
    course.languages.insert("fr".into(), vec![fr]);
    let errors = parity(&course);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].reason.contains("goals"), "{}", errors[0]);
    // Only the words differ: no complaint.
    let fr_words = read(
        "lessons/fr/01-journey.toml",
        &GOOD.replace("Greet the server", "Saluer le serveur"),
        "fr",
    )
    .expect("reads");
    course.languages.insert("fr".into(), vec![fr_words]);
    assert!(parity(&course).is_empty());
}

#[test]
fn a_link_to_a_place_must_name_one_the_page_has() {
    let good = GOOD.replace(
        "Type `EHLO`.",
        "Type `EHLO` in [the terminal](show:alice-laptop/terminal).",
    );
    let lesson = read("lessons/en/01-journey.toml", &good, "en").expect("reads");
    assert_eq!(lesson.steps.len(), 1);
    for place in [
        "show:dave-laptop",
        "show:alice-laptop/server",
        "show:kitchen",
    ] {
        let bad = GOOD.replace("Type `EHLO`.", &format!("Type `EHLO` [here]({place})."));
        let err = read("lessons/en/01-journey.toml", &bad, "en").unwrap_err();
        assert!(err.to_string().contains(place), "{err}");
    }
    let watch = GOOD.replace(
        "world = \"demo\"",
        "world = \"demo\"\nwatch = \"dave-tablet\"",
    );
    assert!(read("lessons/en/01-journey.toml", &watch, "en").is_err());
}
