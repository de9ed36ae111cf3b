package io.ispflow.messaging.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Companies' gateway accounts as the dispatchers last read them (decrypted, in memory only), for
 * {@value #FRESH_FOR_SECONDS} seconds: when a hundred companies send at once, each message would
 * otherwise read and decrypt its company's account. A change saved on this node is seen at once;
 * one saved on another node within those seconds.
 */
@Component
public class GatewayAccounts {

    static final int FRESH_FOR_SECONDS = 15;

    private record Key(String channel, UUID companyId) {
    }

    private final Cache<Key, Optional<?>> accounts = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(FRESH_FOR_SECONDS)).maximumSize(10_000).build();

    @SuppressWarnings("unchecked")
    <A> Optional<A> get(String channel, UUID companyId, Supplier<Optional<A>> read) {
        return (Optional<A>) accounts.get(new Key(channel, companyId), key -> read.get());
    }

    /** The company's account for the channel was saved: read it again, once the saving transaction committed. */
    public void changed(String channel, UUID companyId) {
        Key key = new Key(channel, companyId);
        accounts.invalidate(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    accounts.invalidate(key);
                }
            });
        }
    }
}
