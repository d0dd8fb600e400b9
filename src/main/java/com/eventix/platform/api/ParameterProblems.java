package com.eventix.platform.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Says which path, query or header parameter could not be converted, and what it should have been, in the
 * client's terms ({"id": "must be a UUID"}): JAX-RS only reports the converter's exception, whose text names Java
 * classes. Found by trying each of the matched method's parameters again against the request's values.
 */
final class ParameterProblems {
    private ParameterProblems() {
    }

    /** Where a request's values come from: path, query and header parameters by name. */
    record Values(Function<String, List<String>> path, Function<String, List<String>> query,
                  Function<String, List<String>> header) {
    }

    static Map<String, Object> of(Method method, Values values) {
        Map<String, Object> problems = new TreeMap<>();
        if (method == null) {
            return problems;
        }
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> c = parameter.getType(); c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        check(field, field.getGenericType(), values, problems);
                    }
                }
            } else {
                check(parameter, parameter.getParameterizedType(), values, problems);
            }
        }
        return problems;
    }

    private static void check(AnnotatedElement element, Type type, Values values, Map<String, Object> problems) {
        String name;
        List<String> given;
        PathParam path = element.getAnnotation(PathParam.class);
        QueryParam query = element.getAnnotation(QueryParam.class);
        HeaderParam header = element.getAnnotation(HeaderParam.class);
        if (path != null) {
            name = path.value();
            given = values.path().apply(name);
        } else if (query != null) {
            name = query.value();
            given = values.query().apply(name);
        } else if (header != null) {
            name = header.value();
            given = values.header().apply(name);
        } else {
            return;
        }
        if (given == null || given.isEmpty()) {
            DefaultValue fallback = element.getAnnotation(DefaultValue.class);
            given = fallback == null ? List.of() : List.of(fallback.value());
        }
        Class<?> target = elementClass(type);
        for (String value : given) {
            String expected = expectation(target, value);
            if (expected != null) {
                problems.put(name, expected);
                return;
            }
        }
    }

    /** The type one value converts to: the element type of List/Set parameters. */
    private static Class<?> elementClass(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw) && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return type instanceof Class<?> c ? c : (type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class);
    }

    /** What the value should have been, or null when it converts. */
    static String expectation(Class<?> type, String value) {
        try {
            if (type == UUID.class) {
                UUID.fromString(value);
                return null;
            }
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value.trim());
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value.trim());
            } else if (type == short.class || type == Short.class) {
                Short.parseShort(value.trim());
            } else if (type == BigDecimal.class) {
                new BigDecimal(value.trim());
            } else if (type == Instant.class) {
                Instant.parse(value.trim());
            } else if (type == LocalDate.class) {
                LocalDate.parse(value.trim());
            } else if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).anyMatch(value::equals)
                        ? null : "must be one of " + Arrays.stream(type.getEnumConstants())
                                .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
            }
            return null;
        } catch (RuntimeException e) {
            return describe(type);
        }
    }

    private static String describe(Class<?> type) {
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == int.class || type == Integer.class) {
            return "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == short.class || type == Short.class) {
            return "must be a whole number from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
        }
        if (type == BigDecimal.class) {
            return "must be a decimal number such as 12.50";
        }
        if (type == Instant.class) {
            return "must be an ISO-8601 instant such as 2026-05-01T19:00:00Z";
        }
        if (type == LocalDate.class) {
            return "must be an ISO-8601 date such as 2026-05-01";
        }
        return "has an invalid format";
    }
}
