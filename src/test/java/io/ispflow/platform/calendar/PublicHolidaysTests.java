package io.ispflow.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kenya's calendar as {@link PublicHolidays} reads it. */
class PublicHolidaysTests {

    private final PublicHolidays holidays = new PublicHolidays(
            new PublicHolidays.Properties(List.of(LocalDate.parse("2026-11-23"))));

    @ParameterizedTest
    @CsvSource({
            "2026-01-01, New Year's Day",
            "2026-04-03, Good Friday",
            "2026-04-06, Easter Monday",
            "2026-05-01, Labour Day",
            "2026-06-01, Madaraka Day",
            "2026-10-10, Mazingira Day (a Saturday)",
            "2026-10-20, Mashujaa Day",
            "2026-12-12, Jamhuri Day (a Saturday)",
            "2026-12-25, Christmas",
            "2026-12-26, Boxing Day",
            "2024-04-10, Idd-ul-Fitr 2024 (computed, as gazetted)",
            "2026-03-20, Idd-ul-Fitr 2026 (computed)",
            "2025-06-02, Madaraka Day 2025 fell on a Sunday: kept on the Monday",
            "2026-11-23, a day gazetted by configuration"})
    void publicHolidays(LocalDate day, String which) {
        assertThat(holidays.isPublicHoliday(day)).as(which).isTrue();
        assertThat(holidays.isRestDay(day)).as(which).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"2026-12-01", "2026-12-11", "2026-06-02", "2026-11-24"})
    void workingDays(LocalDate day) {
        assertThat(holidays.isPublicHoliday(day)).isFalse();
        assertThat(holidays.isRestDay(day)).isFalse();
    }

    @Test
    void sundaysAreRestDaysButNotPublicHolidays() {
        LocalDate sunday = LocalDate.parse("2026-12-06");
        assertThat(holidays.isPublicHoliday(sunday)).isFalse();
        assertThat(holidays.isRestDay(sunday)).isTrue();
    }
}
