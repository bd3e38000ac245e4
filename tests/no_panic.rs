//! The fuzz targets' regression run: every file of `fuzz/corpus/` and the
//! fixtures, plus deterministic mutations of them, through each entry point.
//! No input may panic. (`cargo fuzz run TARGET` explores further; see the README.)

use std::path::Path;

fn inputs() -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = Vec::new();
    for dir in [
        "fuzz/corpus",
        "tests/fixtures",
        "content",
        "themes/default/locales",
    ] {
        for entry in walk(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).as_path()) {
            if let Ok(bytes) = std::fs::read(&entry) {
                if bytes.len() < 200_000 {
                    seeds.push(bytes);
                }
            }
        }
    }
    // Deterministic mutations: truncations, byte flips, duplicated slices.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut out = seeds.clone();
    for seed in &seeds {
        if seed.is_empty() {
            continue;
        }
        for _ in 0..4 {
            let mut m = seed.clone();
            let at = (next() as usize) % m.len();
            match next() % 4 {
                0 => m.truncate(at),
                1 => m[at] = (next() & 0xFF) as u8,
                2 => {
                    let end = (at + (next() as usize % 64)).min(m.len());
                    let slice = m[at..end].to_vec();
                    m.splice(at..at, slice);
                }
                _ => m.insert(at, b"-:{}[]#\t\n\r*`<>@"[(next() % 15) as usize]),
            }
            out.push(m);
        }
    }
    out.extend([
        b"".to_vec(),
        b"---".to_vec(),
        b"---\n".to_vec(),
        b"\xEF\xBB\xBF---\n---\n".to_vec(),
        vec![0xFF; 16],
    ]);
    out
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return files;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_symlink() {
            continue;
        }
        if p.is_dir() {
            files.extend(walk(&p));
        } else {
            files.push(p);
        }
    }
    files.sort();
    files
}

#[test]
fn no_input_panics_the_front_matter_reader() {
    for input in inputs() {
        mekong::fuzzing::front_matter(&input);
    }
}

#[test]
fn no_input_panics_the_markdown_renderer() {
    for input in inputs() {
        mekong::fuzzing::markdown(&input);
    }
}

#[test]
fn no_input_panics_the_fluent_loader() {
    for input in inputs() {
        mekong::fuzzing::fluent(&input);
    }
}
