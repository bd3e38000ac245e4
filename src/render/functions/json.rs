//! `json` filter: a value as JSON that is safe inside `<script>`.

use tera::{Error, Filter, Kwargs, State, TeraResult, Value};

/// The `json` filter.
pub(crate) struct Json;

impl Filter<Value, TeraResult<Value>> for Json {
    fn call(&self, value: Value, _: Kwargs, _: &State) -> TeraResult<Value> {
        let text =
            serde_json::to_string(&value).map_err(|e| Error::message(format!("json: {e}")))?;
        // Safe inside <script>: every `<` escaped, so neither `</script>` nor `<!--` ends it early.
        Ok(Value::safe_string(&text.replace('<', "\\u003c")))
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{render, shared_with};

    #[test]
    fn a_closing_script_tag_cannot_end_the_script() {
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html"]);
        tera.register_filter("json", super::Json);
        let mut ctx = tera::Context::new();
        ctx.insert("v", &serde_json::json!({"a": "</script><!--", "n": 1}));
        let out = tera.render_str("{{ v | json }}", &ctx, true);
        assert_eq!(
            out.expect("renders"),
            r#"{"a":"\u003c/script>\u003c!--","n":1}"#
        );
    }

    #[test]
    fn a_list_is_json() {
        let out = render(shared_with(&[]), "vi", "{{ [1, \"x\"] | json }}");
        assert_eq!(out.expect("renders"), "[1,\"x\"]");
    }
}
