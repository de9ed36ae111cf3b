package io.ispflow.messaging;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a client's text asks for, in English or Swahili: {@code STOP} (or {@code ACHA}) no more
 * reminders, {@code START} ({@code ANZA}) reminders again, {@code BAL} ({@code BALANCE}, {@code SALIO})
 * his balance and what is due, {@code PAY 500} ({@code LIPA 500}) an M-PESA prompt on his phone; anything
 * else is for the support team.
 */
public enum SmsCommand {
    STOP, START, BALANCE, PAY, OTHER;

    /** A command with its amount (for {@link #PAY}: whole shillings, or null when none could be read). */
    public record Read(SmsCommand command, BigDecimal amount) {
    }

    private static final Pattern PAY_AMOUNT = Pattern.compile("(?:PAY|LIPA)\\s*(?:KES|KSH|SH)?\\.?\\s*([0-9][0-9,]{0,9})(?:\\.0{1,2})?");

    public static Read read(String text) {
        String words = text == null ? ""
                : text.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[.!?]+$", "");
        switch (words) {
            case "STOP", "STOP ALL", "STOPALL", "UNSUBSCRIBE", "ACHA" -> {
                return new Read(STOP, null);
            }
            case "START", "ANZA" -> {
                return new Read(START, null);
            }
            case "BAL", "BALANCE", "SALIO" -> {
                return new Read(BALANCE, null);
            }
            default -> {
                if (words.equals("PAY") || words.equals("LIPA")) {
                    return new Read(PAY, null);
                }
                Matcher pay = PAY_AMOUNT.matcher(words);
                if (pay.matches()) {
                    BigDecimal amount = new BigDecimal(pay.group(1).replace(",", ""));
                    return new Read(PAY, amount.signum() > 0 ? amount : null);
                }
                if (words.startsWith("PAY ") || words.startsWith("LIPA ")) {
                    return new Read(PAY, null);
                }
                return new Read(OTHER, null);
            }
        }
    }
}
