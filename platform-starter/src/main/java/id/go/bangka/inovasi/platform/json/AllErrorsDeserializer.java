package id.go.bangka.inovasi.platform.json;

import id.go.bangka.inovasi.platform.problem.FieldError;
import id.go.bangka.inovasi.platform.problem.InvalidBodyException;
import id.go.bangka.inovasi.platform.validation.ConstraintErrors;
import jakarta.validation.Validator;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.type.TypeFactory;

/**
 * Reads a record marked {@link AllErrorsAtOnce} field by field (and nested records likewise), so every value that
 * cannot be read is found, not only the first. When any cannot, the record is built with those fields absent, its
 * Bean Validation constraints are checked too, and {@link InvalidBodyException} lists every error, the unreadable
 * fields' own errors in place of any constraint on them. A readable record is returned as usual, for
 * {@code @Valid} or the service to validate.
 */
class AllErrorsDeserializer<T> extends ValueDeserializer<T> {

    private final Class<T> type;
    private final Supplier<Validator> validator;
    private final Map<Class<?>, Shape<?>> shapes = new ConcurrentHashMap<>();

    AllErrorsDeserializer(Class<T> type, Supplier<Validator> validator) {
        this.type = type;
        this.validator = validator;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) {
        JsonNode node = context.readTree(parser);
        if (!node.isObject()) {
            return context.reportInputMismatch(type, "expected a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        T value = read(context, node, type, "", errors);
        if (errors.isEmpty()) {
            return value;
        }
        Set<String> unreadable = errors.stream().map(FieldError::pointer).collect(Collectors.toSet());
        ConstraintErrors.of(validator.get(), value).stream()
                .filter(error -> unreadable.stream().noneMatch(p -> error.pointer().equals(p)
                        || error.pointer().startsWith(p + "/") || p.startsWith(error.pointer() + "/")))
                .forEach(errors::add);
        throw new InvalidBodyException(errors);
    }

    private <R> R read(DeserializationContext context, JsonNode node, Class<R> record, String at,
            List<FieldError> errors) {
        @SuppressWarnings("unchecked")
        Shape<R> shape = (Shape<R>) shapes.computeIfAbsent(record, r -> Shape.of(r, context.getTypeFactory()));
        if (context.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)) {
            node.propertyNames().stream().filter(name -> !shape.names().contains(name)).forEach(name -> errors.add(
                    new FieldError(at + "/" + ConstraintErrors.escape(name),
                            "unknown field: it is not part of this API", FieldError.UNKNOWN_FIELD)));
        }
        RecordComponent[] components = shape.components();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            JsonNode value = node.get(component.getName());
            if (value == null || value.isNull()) {
                continue;
            }
            String pointer = at + "/" + ConstraintErrors.escape(component.getName());
            if (component.getType().isRecord() && value.isObject()) {
                values[i] = read(context, value, component.getType(), pointer, errors);
                continue;
            }
            try {
                values[i] = context.readTreeAsValue(value, shape.types()[i]);
            } catch (DatabindException e) {
                errors.add(new FieldError(pointer + JsonErrors.pointer(e), JsonErrors.explain(e),
                        FieldError.UNREADABLE));
            }
        }
        return shape.construct(values);
    }

    /**
     * What reading a record needs of its class, looked up once per record class rather than per request: its
     * components, their names and types, and its canonical constructor.
     */
    private record Shape<R>(Class<R> record, RecordComponent[] components, Set<String> names, JavaType[] types,
            Constructor<R> canonical) {

        static <R> Shape<R> of(Class<R> record, TypeFactory typeFactory) {
            RecordComponent[] components = record.getRecordComponents();
            try {
                Constructor<R> canonical = record.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                canonical.setAccessible(true);
                return new Shape<>(record, components,
                        Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet()),
                        Arrays.stream(components).map(c -> typeFactory.constructType(c.getGenericType()))
                                .toArray(JavaType[]::new), canonical);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("Cannot construct " + record.getName(), e);
            }
        }

        R construct(Object[] values) {
            try {
                return canonical.newInstance(values);
            } catch (InstantiationException | IllegalAccessException e) {
                throw new IllegalStateException("Cannot construct " + record.getName(), e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("Constructor of " + record.getName() + " failed", e.getCause());
            }
        }
    }
}
