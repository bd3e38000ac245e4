#![no_main]
// Any text as a .ftl file: loading and formatting every message never panic.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    mekong::fuzzing::fluent(data);
});
