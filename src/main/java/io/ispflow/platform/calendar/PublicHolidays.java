package io.ispflow.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Kenya's public holidays: the statutory ones from {@code holidays/Holidays_ke.xml} (jollyday's calendar
 * format, with Easter and Idd-ul-Fitr computed), and the days gazetted for one year only, from
 * {@code isp.platform.calendar.gazetted-holidays}. Idd-ul-Fitr follows the moon's sighting: when the
 * gazetted day differs from the computed one, add it there.
 */
@Component
public class PublicHolidays {

    /** @param gazettedHolidays extra public holidays declared by gazette notice ({@code 2026-11-23}, ...) */
    @ConfigurationProperties("isp.platform.calendar")
    record Properties(@DefaultValue List<LocalDate> gazettedHolidays) {
    }

    private final HolidayManager kenya = HolidayManager.getInstance(
            ManagerParameters.create(PublicHolidays.class.getResource("/holidays/Holidays_ke.xml")));
    private final Set<LocalDate> gazetted;

    PublicHolidays(Properties properties) {
        this.gazetted = Set.copyOf(properties.gazettedHolidays());
    }

    public boolean isPublicHoliday(LocalDate day) {
        return gazetted.contains(day) || kenya.isHoliday(day);
    }

    /** Sundays and public holidays: offices are closed. */
    public boolean isRestDay(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SUNDAY || isPublicHoliday(day);
    }
}
