package io.ispflow.platform.web;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enum values travel in lower case on the API, as in the database and the seed specification
 * ({@code "pending"}, {@code "fiber"}), and are read in any case, in JSON bodies and query parameters.
 * Text carries no NUL characters, which PostgreSQL cannot store: they are refused in JSON strings
 * ({@link TextWithoutNul}) and in paths and parameters ({@link NulCharacterFilter}).
 */
@Configuration(proxyBeanMethods = false)
class JsonConventions implements WebMvcConfigurer {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer apiJsonConventions() {
        @SuppressWarnings({"rawtypes", "unchecked"})
        StdSerializer<Enum> lowerCase = new StdSerializer<>(Enum.class) {
            @Override
            public void serialize(Enum value, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeString(lowerCase(value));
            }
        };
        return builder -> builder
                .featuresToEnable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .modulesToInstall(modules -> modules.add(new SimpleModule("ispflow-conventions")
                        .addSerializer(Enum.class, lowerCase)
                        .addDeserializer(String.class, new TextWithoutNul())));
    }

    @Bean
    FilterRegistrationBean<NulCharacterFilter> nulCharacterFilter(ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new NulCharacterFilter(json));
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new CaseInsensitiveEnums());
    }

    static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class CaseInsensitiveEnums implements ConverterFactory<String, Enum> {

        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
            return source -> source.isBlank() ? null
                    : (T) Enum.valueOf(targetType, source.trim().toUpperCase(Locale.ROOT));
        }
    }
}
