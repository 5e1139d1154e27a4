//! Reading one cell as a staff field's value, in the forms HR exports write them. Each
//! function returns the words of what is wrong; `plan` adds the line and the column.

use chrono::{Days, NaiveDate};

use crate::domain::{Gender, Location, Race};

/// A date in the forms HR files use: 1990-05-01, 1990/05/01, 01/05/1990 (day first, as in
/// South Africa), 01-05-1990, 01.05.1990, 19900501 (PERSAL), "1 May 1990", "01-May-1990", or
/// an Excel date serial of five digits (32994). A time after the date is ignored.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let day = text.split([' ', 'T']).next().unwrap_or(text);
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"] {
        if let Ok(date) = NaiveDate::parse_from_str(day, format) {
            return Some(date);
        }
    }
    for format in ["%d %B %Y", "%d %b %Y", "%d-%b-%Y", "%d-%b-%y"] {
        if let Ok(date) = NaiveDate::parse_from_str(text, format) {
            return Some(date);
        }
    }
    if !day.is_empty() && day.bytes().all(|b| b.is_ascii_digit()) {
        return match day.len() {
            8 => NaiveDate::parse_from_str(day, "%Y%m%d").ok(),
            // Five digits only: a serial of four or fewer would be before 1928, and "1990"
            // alone is a year, not a day.
            5 => excel_serial(day.parse().ok()?),
            _ => None,
        };
    }
    None
}

/// Excel's day count from 30 December 1899 (which absorbs Excel's phantom 29 February 1900
/// for every date after it).
fn excel_serial(days: u64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(Days::new(days))
}

/// A cell's text folded for matching a word: lower case, letters only.
fn word(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

pub fn parse_gender(text: &str) -> Result<Gender, String> {
    match word(text).as_str() {
        "f" | "female" | "woman" | "vroulik" => Ok(Gender::Female),
        "m" | "male" | "man" | "manlik" => Ok(Gender::Male),
        _ => Err(format!(
            "'{text}' is not a gender (use Female or Male, or F or M)."
        )),
    }
}

pub fn parse_race(text: &str) -> Result<Race, String> {
    match word(text).as_str() {
        "a" | "african" | "black" | "blackafrican" => Ok(Race::African),
        "c" | "coloured" | "colored" => Ok(Race::Coloured),
        "i" | "indian" | "asian" | "indianasian" => Ok(Race::Indian),
        "w" | "white" => Ok(Race::White),
        _ => Err(format!(
            "'{text}' is not a population group (use African, Coloured, Indian or White, or A, C, I or W)."
        )),
    }
}

pub fn parse_location(text: &str) -> Result<Location, String> {
    match word(text).as_str() {
        "u" | "urban" => Ok(Location::Urban),
        "r" | "rural" => Ok(Location::Rural),
        _ => Err(format!("'{text}' is not a location (use Urban or Rural).")),
    }
}

pub fn parse_yes_no(text: &str) -> Result<bool, String> {
    match text.trim().to_lowercase().as_str() {
        "y" | "yes" | "true" | "1" | "ja" | "disabled" => Ok(true),
        "n" | "no" | "false" | "0" | "nee" | "none" => Ok(false),
        _ => Err(format!("'{text}' is not yes or no.")),
    }
}

/// A salary level as "7", "07", "7.0", "Level 7" or "SL07". The range is `Staff::validate`'s.
pub fn parse_level(text: &str) -> Result<u8, String> {
    let digits: String = text
        .trim()
        .trim_end_matches(".0")
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .collect();
    digits
        .parse::<u8>()
        .map_err(|_| format!("'{text}' is not a salary level (a number from 1 to 16)."))
}

/// A persal number as typed; a spreadsheet that stored it as a number may add ".0".
pub fn persal(text: &str) -> String {
    text.trim().trim_end_matches(".0").to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn dates_are_read_in_the_forms_hr_files_use() {
        for text in [
            "1990-05-01",
            "1990/05/01",
            "01/05/1990",
            "01-05-1990",
            "19900501",
            "1 May 1990",
            "01-May-1990",
            "32994",
            "1990-05-01 00:00:00",
        ] {
            assert_eq!(parse_date(text), day(1990, 5, 1), "{text}");
        }
        for text in [
            "31/02/1990",
            "1990",
            "",
            "12/13/1990",
            "99999999",
            "tomorrow",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn salary_levels_are_read_with_their_prefixes() {
        assert_eq!(parse_level("07"), Ok(7));
        assert_eq!(parse_level("Level 12"), Ok(12));
        assert_eq!(parse_level("SL9"), Ok(9));
        assert_eq!(parse_level("8.0"), Ok(8));
        assert!(parse_level("senior").is_err());
    }
}
