//! Passwords made of short words: a student types theirs into a phone's mail app, and the
//! teacher reads theirs from the terminal. The system's randomness picks them.

/// Short, common, unambiguous words, the same in English and French readers' hands.
const WORDS: [&str; 64] = [
    "apple", "arrow", "badge", "beach", "berry", "board", "brick", "cabin", "camel", "candy",
    "cedar", "chalk", "cider", "cloud", "coral", "crane", "daisy", "delta", "dune", "eagle",
    "ember", "fern", "field", "flame", "frost", "gecko", "grape", "harbor", "hazel", "honey",
    "igloo", "iris", "jelly", "kayak", "koala", "lemon", "lilac", "llama", "lotus", "mango",
    "maple", "melon", "mint", "moss", "north", "ocean", "olive", "opal", "otter", "panda", "pearl",
    "pepper", "pilot", "plum", "polar", "quartz", "raven", "river", "robin", "sage", "salt",
    "tiger", "tulip", "zebra",
];

fn random_u32() -> u32 {
    let mut bytes = [0_u8; 4];
    // Without the system's randomness the server cannot make passwords nobody can guess:
    // a clock-based fallback would be guessable, so it stops instead.
    if let Err(e) = getrandom::getrandom(&mut bytes) {
        eprintln!("facteur-server: no system randomness for passwords: {e}");
        std::process::exit(1);
    }
    u32::from_le_bytes(bytes)
}

fn word() -> &'static str {
    WORDS[random_u32() as usize % WORDS.len()]
}

fn number() -> u32 {
    10 + random_u32() % 90
}

/// `maple-otter-42`: about 18 bits, enough against a classmate guessing by hand.
pub fn student_password() -> String {
    format!("{}-{}-{}", word(), word(), number())
}

/// `cloud-raven-fern-57`: about 30 bits; the teacher's page also shows every mailbox.
pub fn teacher_password() -> String {
    format!("{}-{}-{}-{}", word(), word(), word(), number())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_words_and_a_number_and_differ() {
        let p = student_password();
        let parts: Vec<&str> = p.split('-').collect();
        assert_eq!(parts.len(), 3);
        assert!(WORDS.contains(&parts[0]) && WORDS.contains(&parts[1]));
        assert!(parts[2]
            .parse::<u32>()
            .is_ok_and(|n| (10..100).contains(&n)));
        assert_eq!(teacher_password().split('-').count(), 4);
        let many: std::collections::BTreeSet<String> =
            (0..50).map(|_| student_password()).collect();
        assert!(
            many.len() > 40,
            "passwords repeat too often: {}",
            many.len()
        );
    }
}
