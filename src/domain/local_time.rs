//! Times as a citizen in mainland Spain reads them: Europe/Madrid, CET (UTC+1)
//! in winter and CEST (UTC+2) from the last Sunday of March to the last Sunday
//! of October, both changes at 01:00 UTC (Directive 2000/84/EC, art. 2–3). The
//! rule is fixed in EU law, so no time-zone database is needed; the zone's name
//! is always shown beside the time, so a citizen in the Canaries (one hour
//! behind) reads it right too.

use time::{Date, Month, OffsetDateTime, UtcOffset, Weekday};

/// A moment in Madrid time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MadridTime {
    local: OffsetDateTime,
    summer: bool,
}

impl MadridTime {
    /// The moment `unix` (seconds since 1970, UTC); `None` out of range.
    pub fn at(unix: i64) -> Option<Self> {
        let utc = OffsetDateTime::from_unix_timestamp(unix).ok()?;
        let summer = is_summer_time(utc);
        let offset = UtcOffset::from_hms(if summer { 2 } else { 1 }, 0, 0).ok()?;
        Some(Self {
            local: utc.to_offset(offset),
            summer,
        })
    }

    /// `dd/mm/yyyy hh:mm` and the zone, as Spanish administrations write dates:
    /// `04/12/2026 07:41 CET`.
    pub fn display(&self) -> String {
        format!(
            "{:02}/{:02}/{} {:02}:{:02} {}",
            self.local.day(),
            u8::from(self.local.month()),
            self.local.year(),
            self.local.hour(),
            self.local.minute(),
            self.zone()
        )
    }

    /// `CET` or `CEST`.
    pub fn zone(&self) -> &'static str {
        if self.summer { "CEST" } else { "CET" }
    }

    /// RFC 3339 with the local offset, for `<time datetime>`.
    pub fn rfc3339(&self) -> String {
        self.local
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    }
}

/// Whether `utc` falls in EU summer time.
fn is_summer_time(utc: OffsetDateTime) -> bool {
    let year = utc.year();
    let (Some(start), Some(end)) = (
        last_sunday_1am_utc(year, Month::March),
        last_sunday_1am_utc(year, Month::October),
    ) else {
        return false;
    };
    utc >= start && utc < end
}

/// 01:00 UTC on the last Sunday of `month` of `year`.
fn last_sunday_1am_utc(year: i32, month: Month) -> Option<OffsetDateTime> {
    let last_day = Date::from_calendar_date(year, month, month.length(year)).ok()?;
    let back = last_day.weekday().number_days_from_sunday();
    let sunday = last_day.checked_sub(time::Duration::days(i64::from(back)))?;
    debug_assert_eq!(sunday.weekday(), Weekday::Sunday);
    Some(sunday.with_hms(1, 0, 0).ok()?.assume_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(unix: i64) -> String {
        MadridTime::at(unix).unwrap().display()
    }

    #[test]
    fn winter_is_one_hour_ahead_of_utc() {
        // 2026-12-04T06:41:00Z
        assert_eq!(shown(1_796_366_460), "04/12/2026 07:41 CET");
    }

    #[test]
    fn summer_is_two_hours_ahead_of_utc() {
        // 2026-07-15T10:00:00Z
        assert_eq!(shown(1_784_109_600), "15/07/2026 12:00 CEST");
    }

    #[test]
    fn the_changes_happen_at_one_in_the_morning_utc_on_the_last_sundays() {
        // 2026-03-29T00:59:59Z is still winter; 01:00:00Z is summer (03:00 CEST).
        assert_eq!(shown(1_774_745_999), "29/03/2026 01:59 CET");
        assert_eq!(shown(1_774_746_000), "29/03/2026 03:00 CEST");
        // 2026-10-25T00:59:59Z is still summer (02:59 CEST); 01:00:00Z is 02:00 CET.
        assert_eq!(shown(1_792_889_999), "25/10/2026 02:59 CEST");
        assert_eq!(shown(1_792_890_000), "25/10/2026 02:00 CET");
    }

    #[test]
    fn the_machine_form_carries_the_offset() {
        assert_eq!(
            MadridTime::at(1_784_109_600).unwrap().rfc3339(),
            "2026-07-15T12:00:00+02:00"
        );
    }

    #[test]
    fn an_unrepresentable_moment_is_none() {
        assert!(MadridTime::at(i64::MAX).is_none());
    }
}
