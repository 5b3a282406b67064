//! The students' address as a QR code in the terminal: two rows of modules per text line,
//! light modules drawn as blocks, so the code reads on a dark or a light terminal alike.

use qrcodegen::{QrCode, QrCodeEcc};

/// The code for `text`, as lines of block characters with a quiet zone around it.
pub fn draw(text: &str) -> Option<String> {
    let code = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    // ISO/IEC 18004 asks for four modules of quiet zone; two suffice on a screen.
    let quiet = 2;
    let size = code.size();
    let light = |x: i32, y: i32| !code.get_module(x, y);
    let mut out = String::new();
    let mut y = -quiet;
    while y < size + quiet {
        for x in -quiet..size + quiet {
            out.push(match (light(x, y), light(x, y + 1)) {
                (true, true) => '█',
                (true, false) => '▀',
                (false, true) => '▄',
                (false, false) => ' ',
            });
        }
        out.push('\n');
        y += 2;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_square_in_modules_with_its_quiet_zone() {
        let text = "http://192.168.1.20:8080/#/class";
        let drawn = draw(text).expect("a code");
        let lines: Vec<&str> = drawn.lines().collect();
        let modules = QrCode::encode_text(text, QrCodeEcc::Low)
            .expect("a code")
            .size();
        let width = usize::try_from(modules + 4).expect("small");
        // Two modules of quiet zone each side; rows are paired.
        assert!(lines.iter().all(|l| l.chars().count() == width));
        assert_eq!(lines.len(), width.div_ceil(2));
        // The quiet zone is light all round.
        assert!(lines[0].chars().all(|c| c == '█'));
    }
}
