package io.ispflow.platform.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.stereotype.Component;

/**
 * Back-off after failed logins, kept in memory per node, that an attacker cannot turn against the
 * account's owner: the longest delays fall on the attacker's own source address, while the
 * account-wide delay (against guessing from many addresses) stays short, and a source the owner has
 * logged in from is spared it altogether. The first few failures cost nothing, so a typo never makes
 * the right password wait. Nothing is permanent: every count expires.
 *
 * <p>Callers ask {@link #waitBefore} first and refuse the attempt, without checking the password, while
 * it is positive; otherwise they check the password and report the outcome. Refused attempts are not
 * failures: they neither extend a back-off nor cost a bcrypt check.
 */
@Component
class LoginThrottle {

    private static final int MAX_ENTRIES = 100_000;

    /** Consecutive failures and the moment of the last one. */
    private record Failures(int count, Instant last) {

        Failures plusOne(Instant now) {
            return new Failures(count + 1, now);
        }
    }

    private record Pair(String account, String source) {
    }

    private final LoginProperties settings;
    private final Clock clock;
    private final Cache<Pair, Failures> pairs;
    private final Cache<String, Failures> sources;
    private final Cache<String, Failures> accounts;
    private final Cache<Pair, Boolean> knownSources;

    LoginThrottle(LoginProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        // the counts expire by the same clock that times the delays, so a test can move both
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        this.pairs = cache(settings.pair().forgetAfter(), ticker);
        this.sources = cache(settings.source().forgetAfter(), ticker);
        this.accounts = cache(settings.account().forgetAfter(), ticker);
        this.knownSources = cache(settings.knownSourceFor(), ticker);
    }

    private static <K, V> Cache<K, V> cache(Duration expiry, Ticker ticker) {
        return Caffeine.newBuilder().expireAfterWrite(expiry).maximumSize(MAX_ENTRIES).ticker(ticker).build();
    }

    /** How long this account must wait before it may try again from this source; zero if it may now. */
    Duration waitBefore(String userId, String sourceAddress) {
        Instant now = clock.instant();
        Pair pair = pair(userId, sourceAddress);
        Duration wait = remaining(settings.pair(), pairs.getIfPresent(pair), now);
        if (knownSources.getIfPresent(pair) == null) {
            wait = longer(wait, remaining(settings.source(), sources.getIfPresent(pair.source()), now));
            wait = longer(wait, remaining(settings.account(), accounts.getIfPresent(pair.account()), now));
        }
        return wait;
    }

    /** A password check that failed. */
    void failed(String userId, String sourceAddress) {
        Instant now = clock.instant();
        Pair pair = pair(userId, sourceAddress);
        Failures first = new Failures(1, now);
        pairs.asMap().merge(pair, first, (known, ignored) -> known.plusOne(now));
        sources.asMap().merge(pair.source(), first, (known, ignored) -> known.plusOne(now));
        accounts.asMap().merge(pair.account(), first, (known, ignored) -> known.plusOne(now));
    }

    /** A password check that succeeded: the pair starts afresh, and the source is known to the account. */
    void succeeded(String userId, String sourceAddress) {
        Pair pair = pair(userId, sourceAddress);
        pairs.invalidate(pair);
        knownSources.put(pair, Boolean.TRUE);
    }

    /** Forgets the account's failures from every source (an administrator unlocked it). */
    void forgetFailures(String userId) {
        String account = account(userId);
        pairs.asMap().keySet().removeIf(pair -> pair.account().equals(account));
        accounts.invalidate(account);
    }

    private static Duration remaining(LoginProperties.Backoff backoff, Failures failures, Instant now) {
        if (failures == null) {
            return Duration.ZERO;
        }
        Instant until = failures.last().plus(backoff.delayAfter(failures.count()));
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Pair pair(String userId, String sourceAddress) {
        return new Pair(account(userId), source(sourceAddress));
    }

    /** User ids differ only in case at most by accident; counting them together errs on the safe side. */
    private static String account(String userId) {
        return userId.toLowerCase(Locale.ROOT);
    }

    /**
     * The source an address counts as. An IPv6 attacker usually holds a whole /64 and could take a new
     * address for every attempt, so IPv6 addresses count by their /64 prefix.
     */
    static String source(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // a literal: no name lookup happens
            InetAddress parsed = InetAddress.getByName(address);
            return parsed instanceof Inet6Address
                    ? HexFormat.of().formatHex(parsed.getAddress(), 0, 8) + "::/64"
                    : parsed.getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }
}
