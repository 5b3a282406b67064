//! Facteur's lessons: the files in `lessons/<language>/NN-id.toml`, read, checked and
//! compiled into the [`Course`] the site embeds. The site's build calls [`load`], so a
//! malformed lesson fails the build with its file, line and reason; the tests call it too,
//! and replay every reference solution.

use std::fmt;
use std::path::Path;

/// The course as the lesson files give it, every language.
pub use facteur_protocols::lesson::course::Course;
use facteur_protocols::lesson::course::Lesson;

mod file;
mod markdown;
mod parity;
pub mod typography;

pub use parity::parity;

/// What is wrong with a lesson file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonError {
    pub file: String,
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for LessonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

impl std::error::Error for LessonError {}

/// The languages the site speaks; each has a folder of lessons.
pub const LANGUAGES: [&str; 2] = ["en", "fr"];

/// Reads one lesson file's text.
pub fn read(name: &str, source: &str, lang: &str) -> Result<Lesson, LessonError> {
    file::read(name, source, lang == "fr")
}

/// Reads every lesson in every language under `dir`, and checks that the languages agree.
/// Every problem found is returned, not only the first.
pub fn load(dir: &Path) -> Result<Course, Vec<LessonError>> {
    let mut course = Course::default();
    let mut errors = Vec::new();
    for lang in LANGUAGES {
        let folder = dir.join(lang);
        let mut names: Vec<_> = match std::fs::read_dir(&folder) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect(),
            Err(e) => {
                errors.push(LessonError {
                    file: folder.display().to_string(),
                    line: 0,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        names.sort();
        let mut lessons = Vec::new();
        for path in names {
            let name = format!(
                "lessons/{lang}/{}",
                path.file_name().unwrap_or_default().to_string_lossy()
            );
            match std::fs::read_to_string(&path) {
                Ok(source) => match read(&name, &source, lang) {
                    Ok(lesson) => lessons.push(lesson),
                    Err(e) => errors.push(e),
                },
                Err(e) => errors.push(LessonError {
                    file: name,
                    line: 0,
                    reason: e.to_string(),
                }),
            }
        }
        for (i, lesson) in lessons.iter().enumerate() {
            let want = u32::try_from(i + 1).unwrap_or(u32::MAX);
            if lesson.number != want {
                errors.push(LessonError {
                    file: format!("lessons/{lang}/{:02}-{}.toml", lesson.number, lesson.id),
                    line: 1,
                    reason: format!(
                        "lessons are numbered 1, 2, 3… without gaps: this one should be {want}"
                    ),
                });
            }
        }
        course.languages.insert(lang.to_owned(), lessons);
    }
    errors.extend(parity(&course));
    if errors.is_empty() {
        Ok(course)
    } else {
        Err(errors)
    }
}
