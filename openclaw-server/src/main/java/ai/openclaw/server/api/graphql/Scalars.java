package ai.openclaw.server.api.graphql;

import ai.openclaw.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The schema's custom scalars: {@code JSON} (any JSON value) and {@code DateTime} (ISO-8601 text, UTC). */
final class Scalars {
    private Scalars() {
    }

    /** Any JSON value: objects and arrays as maps and lists, inputs as given. */
    static final GraphQLScalarType JSON = GraphQLScalarType.newScalar().name("JSON")
            .description("Any JSON value").coercing(new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object value, GraphQLContext context, Locale locale) {
                    return value instanceof JsonNode n ? Json.MAPPER.convertValue(n, Object.class) : value;
                }

                @Override
                public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                    return input;
                }

                @Override
                public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                           Locale locale) {
                    return literal(input, variables);
                }
            }).build();

    /** An instant as ISO-8601 text; inputs must parse as one. */
    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar().name("DateTime")
            .description("An instant as ISO-8601 text, UTC").coercing(new Coercing<String, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof Instant i) {
                        return Json.time(i);
                    }
                    if (value instanceof String s) {
                        return s;
                    }
                    throw new CoercingSerializeException("not a DateTime: " + value.getClass().getSimpleName());
                }

                @Override
                public String parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof String s) {
                        return check(s);
                    }
                    throw new CoercingParseValueException("a DateTime must be ISO-8601 text");
                }

                @Override
                public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                           Locale locale) {
                    if (input instanceof StringValue s) {
                        return check(s.getValue());
                    }
                    throw new CoercingParseLiteralException("a DateTime must be ISO-8601 text");
                }

                private String check(String s) {
                    try {
                        Instant.parse(s);
                        return s;
                    } catch (DateTimeParseException e) {
                        throw new CoercingParseValueException("not an ISO-8601 instant: '" + s + "'");
                    }
                }
            }).build();

    private static Object literal(Value<?> v, CoercedVariables variables) {
        if (v instanceof StringValue s) {
            return s.getValue();
        }
        if (v instanceof IntValue i) {
            return i.getValue().bitLength() < 64 ? (Object) i.getValue().longValue() : i.getValue();
        }
        if (v instanceof FloatValue f) {
            return f.getValue().doubleValue();
        }
        if (v instanceof BooleanValue b) {
            return b.isValue();
        }
        if (v instanceof EnumValue e) {
            return e.getName();
        }
        if (v instanceof NullValue) {
            return null;
        }
        if (v instanceof VariableReference r) {
            return variables.get(r.getName());
        }
        if (v instanceof ArrayValue a) {
            List<Object> out = new ArrayList<>();
            for (Value<?> x : a.getValues()) {
                out.add(literal(x, variables));
            }
            return out;
        }
        if (v instanceof ObjectValue o) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (ObjectField f : o.getObjectFields()) {
                out.put(f.getName(), literal(f.getValue(), variables));
            }
            return out;
        }
        throw new CoercingParseLiteralException("not a JSON value: " + v.getClass().getSimpleName());
    }
}
