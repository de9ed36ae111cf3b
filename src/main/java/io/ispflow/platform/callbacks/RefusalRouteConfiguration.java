package io.ispflow.platform.callbacks;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place where provider calls that are not acknowledged get their answer, for every route that
 * names {@link ProviderCalls#REFUSALS}: a refused call gets its status and the provider's way of saying
 * "rejected"; a call that failed on our side is answered as {@link #failed(Exchange) failed}.
 */
@Component
class RefusalRouteConfiguration extends RouteConfigurationBuilder {

    private static final Logger log = LoggerFactory.getLogger(RefusalRouteConfiguration.class);

    private final List<ProviderChannel> channels;

    RefusalRouteConfiguration(List<ProviderChannel> channels) {
        this.channels = channels;
    }

    @Override
    public void configuration() {
        var refusals = routeConfiguration(ProviderCalls.REFUSALS);
        refusals.onException(CallbackRefused.class).handled(true).process(this::refused);
        refusals.onException(Exception.class).handled(true).process(this::failed);
    }

    private void refused(Exchange exchange) throws Exception {
        var refused = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, CallbackRefused.class);
        ProviderCalls.answer(channelOf(exchange).rejected(refused.getMessage())).process(exchange);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, refused.status());
    }

    /**
     * A value the database would not take (SQL state class 22 or 23, which the intake's checks should
     * have caught) is the caller's, 400; anything else is ours, 503 in the provider's format so that it
     * delivers again, which is safe since every intake stores a payment once. Logged as the error it is.
     */
    private void failed(Exchange exchange) throws Exception {
        var failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        boolean badData = badData(failure);
        log.error("Provider call to {} failed; answered {}", exchange.getFromRouteId(), badData ? 400 : 503, failure);
        ProviderCalls.answer(channelOf(exchange).failed()).process(exchange);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, badData ? 400 : 503);
    }

    private ProviderChannel channelOf(Exchange exchange) {
        String path = exchange.getFromEndpoint() instanceof PlatformHttpEndpoint http ? http.getPath() : null;
        return ProviderChannel.posting(path, channels);
    }

    private static boolean badData(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }
}
