package io.ispflow.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Page and sort parameters as Spring Data reads them, checked for what Spring Data would otherwise fail
 * on as a server error: a sort that is no property name ({@code _}, {@code %zz}, a quote), refused
 * naming {@code sort}, and a page so far out that its offset overflows, refused naming {@code page}.
 * Known-looking names of no property are refused later ({@code PropertyReferenceException}).
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageParameters implements WebMvcConfigurer {

    /** Spring Data's default name for the parameter, which this application keeps. */
    static final String SORT = "sort";
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}(\\.[A-Za-z][A-Za-z0-9]{0,63})*");

    /** A page or sort parameter that cannot be used. */
    static final class InvalidPageParameter extends RuntimeException {

        private final String parameter;

        InvalidPageParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        String parameter() {
            return parameter;
        }
    }

    private final ObjectProvider<PageableHandlerMethodArgumentResolver> pages;

    PageParameters(ObjectProvider<PageableHandlerMethodArgumentResolver> pages) {
        this.pages = pages;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        // ahead of Spring Data's own resolver, which is added after this (ordered first) configurer's
        resolvers.add(new HandlerMethodArgumentResolver() {

            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return Pageable.class.equals(parameter.getParameterType());
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                    NativeWebRequest request, WebDataBinderFactory binders) {
                String[] sorts = request.getParameterValues(SORT);
                for (String sort : sorts == null ? new String[0] : sorts) {
                    check(sort);
                }
                Pageable page = pages.getObject().resolveArgument(parameter, container, request, binders);
                if (page.isPaged() && page.getOffset() > Integer.MAX_VALUE) {
                    throw new InvalidPageParameter("page", "is beyond the last page");
                }
                return page;
            }
        });
    }

    /** {@code property(,property)*(,asc|desc)?}, as Spring Data reads it; blank parts are skipped there too. */
    static void check(String sort) {
        String[] parts = sort.split(",");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            boolean direction = i == parts.length - 1 && i > 0
                    && List.of("asc", "desc").contains(part.toLowerCase(Locale.ROOT));
            if (!part.isEmpty() && !direction && !PROPERTY.matcher(part).matches()) {
                throw new InvalidPageParameter(SORT, "cannot sort by '"
                        + (sort.length() > 100 ? sort.substring(0, 100) + "…" : sort) + "'");
            }
        }
    }
}
