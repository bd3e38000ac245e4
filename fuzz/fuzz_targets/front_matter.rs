#![no_main]
// Any bytes as a Markdown file: decoding, front matter splitting and parsing never panic.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    mekong::fuzzing::front_matter(data);
});
