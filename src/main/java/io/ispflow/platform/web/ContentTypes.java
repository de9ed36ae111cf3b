package io.ispflow.platform.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A body's {@code Content-Type} names one type: a wildcard such as {@code *}{@code /*} is refused as
 * unsupported (415), where Spring's message converters would fail on it as a server error. Applies to
 * the API's controllers; the provider intakes read their bodies whatever they are labelled.
 */
@Configuration(proxyBeanMethods = false)
class ContentTypes implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {

            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws HttpMediaTypeNotSupportedException {
                check(request.getContentType());
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    static void check(String contentType) throws HttpMediaTypeNotSupportedException {
        if (contentType == null) {
            return;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON));
            }
        } catch (InvalidMediaTypeException unreadable) {
            throw new HttpMediaTypeNotSupportedException(unreadable.getMessage());
        }
    }
}
