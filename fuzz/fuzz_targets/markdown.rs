#![no_main]
// Any text as an article body: rendering, links, images, summaries never panic.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    mekong::fuzzing::markdown(data);
});
