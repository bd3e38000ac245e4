//! The report as an Excel workbook, written by rust_xlsxwriter: one
//! worksheet per sheet (summary, by unit, plan, articles), counts as
//! numbers, days as dates, headings bold, the heading row frozen and column
//! widths set from the longest cell. In: the sheets; out: the file's bytes.

use super::sheets::{Cell, Sheet};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

/// Excel refuses these in sheet names, and names longer than 31 characters.
fn sheet_name(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect()
}

/// The workbook's bytes.
pub(crate) fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold().set_background_color("#EEEEEE");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(&sheet.name))?;
        let mut widths: Vec<usize> = sheet.header.iter().map(|h| h.chars().count()).collect();
        for (col, h) in sheet.header.iter().enumerate() {
            ws.write_string_with_format(0, col as u16, h, &bold)?;
        }
        for (i, row) in sheet.rows.iter().enumerate() {
            let r = i as u32 + 1;
            for (col, cell) in row.iter().enumerate() {
                let c = col as u16;
                match cell {
                    Cell::Text(t) => {
                        ws.write_string(r, c, t)?;
                        widths[col] = widths[col].max(t.chars().count());
                    }
                    Cell::Number(n) => {
                        ws.write_number(r, c, *n as f64)?;
                    }
                    Cell::Date(d) => {
                        let dt = ExcelDateTime::from_ymd(d.year as u16, d.month, d.day)?;
                        ws.write_datetime_with_format(r, c, &dt, &date)?;
                        widths[col] = widths[col].max(10);
                    }
                }
            }
        }
        for (col, w) in widths.iter().enumerate() {
            ws.set_column_width(col as u16, (*w).clamp(6, 60) as f64 + 2.0)?;
        }
        ws.set_freeze_panes(1, 0)?;
    }
    book.save_to_buffer()
}
