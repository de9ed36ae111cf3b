package io.ispflow.payments.mpesa;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * Camel routes to Safaricom Daraja. Each takes the company's base URL and credentials in headers and
 * answers with the HTTP status and the JSON body as a map; {@link DarajaClient} decides what they mean.
 */
@Component
class DarajaRoutes extends RouteBuilder {

    static final String TOKEN = "direct:daraja-token";
    static final String STK_PUSH = "direct:daraja-stk-push";
    static final String STK_QUERY = "direct:daraja-stk-query";
    static final String C2B_REGISTER = "direct:daraja-c2b-register";
    static final String BASE_URL = "DarajaBaseUrl";

    private final DarajaProperties properties;

    DarajaRoutes(DarajaProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        String options = "?bridgeEndpoint=true&throwExceptionOnFailure=false"
                + "&connectTimeout=" + properties.timeout().toMillis()
                + "&responseTimeout=" + properties.timeout().toMillis();

        from(TOKEN).routeId("payments.daraja-token")
                .removeHeaders("CamelHttp*")
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .setBody(constant(""))
                .toD("${exchangeProperty." + BASE_URL + "}/oauth/v1/generate?grant_type=client_credentials&"
                        + options.substring(1))
                .to("direct:daraja-json");

        from(STK_PUSH).routeId("payments.daraja-stk-push")
                .to("direct:daraja-post-json")
                .toD("${exchangeProperty." + BASE_URL + "}/mpesa/stkpush/v1/processrequest" + options)
                .to("direct:daraja-json");

        from(STK_QUERY).routeId("payments.daraja-stk-query")
                .to("direct:daraja-post-json")
                .toD("${exchangeProperty." + BASE_URL + "}/mpesa/stkpushquery/v1/query" + options)
                .to("direct:daraja-json");

        from(C2B_REGISTER).routeId("payments.daraja-c2b-register")
                .to("direct:daraja-post-json")
                .toD("${exchangeProperty." + BASE_URL + "}/mpesa/c2b/v2/registerurl" + options)
                .to("direct:daraja-json");

        from("direct:daraja-post-json").routeId("payments.daraja-post-json")
                .removeHeaders("CamelHttp*")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .marshal().json(JsonLibrary.Jackson);

        // Daraja answers JSON on success and failure alike; an empty or non-JSON body becomes an empty map
        from("direct:daraja-json").routeId("payments.daraja-json")
                .convertBodyTo(String.class)
                .process(exchange -> exchange.getMessage().setBody(
                        DarajaJson.parse(exchange.getMessage().getBody(String.class))));
    }
}
