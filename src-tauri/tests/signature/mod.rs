//! A `#[tauri::command]` function read from the shell's source: its attribute, name,
//! parameters and body. The lockdown tests and the fuzzer's build script (fuzz/build.rs, which
//! includes this file) both read the commands this way, so they agree on what a command takes.

/// One command as its source declares it.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// `#[tauri::command]` or `#[tauri::command(async)]`.
    pub attribute: String,
    pub name: String,
    /// Each parameter's name and type, the type's whitespace made single spaces.
    pub params: Vec<(String, String)>,
    /// What stands between the function's braces, trimmed.
    pub body: String,
}

impl Signature {
    /// Reads the command whose attribute starts `text`.
    pub fn parse(text: &str) -> Signature {
        let attribute = text[..text.find(']').map_or(0, |i| i + 1)].to_owned();
        let fn_at = text.find("fn ").map_or(0, |i| i + 3);
        let open = fn_at + text[fn_at..].find('(').unwrap_or(0);
        let name = text[fn_at..open]
            .split('<')
            .next()
            .unwrap_or("")
            .trim()
            .to_owned();
        let close = open + matching(&text[open..]);
        let params = split_top_level(&text[open + 1..close])
            .iter()
            .filter_map(|p| {
                let (name, ty) = p.split_once(':')?;
                let ty = ty.split_whitespace().collect::<Vec<_>>().join(" ");
                Some((name.trim().trim_start_matches("mut ").to_owned(), ty))
            })
            .collect();
        let body_start = close + text[close..].find('{').unwrap_or(0);
        let body_end = body_start + text[body_start..].find("\n}").unwrap_or(0);
        let body = text[(body_start + 1).min(body_end)..body_end]
            .trim()
            .to_owned();
        Signature {
            attribute,
            name,
            params,
            body,
        }
    }
}

/// Where the bracket that opens `text` closes, counting (), [] and {}.
pub fn matching(text: &str) -> usize {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            return i;
        }
    }
    text.len().saturating_sub(1)
}

/// `a: X, b: Y<C, D>` split at the commas outside brackets.
pub fn split_top_level(params: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0;
    for c in params.chars() {
        match c {
            '(' | '<' | '[' => depth += 1,
            ')' | '>' | ']' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        if let Some(part) = parts.last_mut() {
            part.push(c);
        }
    }
    parts.retain(|p| !p.trim().is_empty());
    parts
}
