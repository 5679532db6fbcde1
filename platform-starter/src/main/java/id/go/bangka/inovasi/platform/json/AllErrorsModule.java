package id.go.bangka.inovasi.platform.json;

import jakarta.validation.Validator;
import java.util.function.Supplier;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.Deserializers;

/** Registers {@link AllErrorsDeserializer} for every record marked {@link AllErrorsAtOnce}. */
public class AllErrorsModule extends JacksonModule {

    private final Supplier<Validator> validator;

    /** @param validator the application's Bean Validation validator, looked up when a body has unreadable values */
    public AllErrorsModule(Supplier<Validator> validator) {
        this.validator = validator;
    }

    @Override
    public String getModuleName() {
        return "inovasi-all-errors-at-once";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public ValueDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                    BeanDescription.Supplier description) {
                return marked(type.getRawClass()) ? deserializer(type.getRawClass()) : null;
            }

            @Override
            public boolean hasDeserializerFor(DeserializationConfig config, Class<?> type) {
                return marked(type);
            }
        });
    }

    private static boolean marked(Class<?> type) {
        return type.isRecord() && type.isAnnotationPresent(AllErrorsAtOnce.class);
    }

    private <T> ValueDeserializer<T> deserializer(Class<T> type) {
        return new AllErrorsDeserializer<>(type, validator);
    }
}
