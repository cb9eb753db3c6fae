package dev.ops.core.change.internal;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import dev.ops.core.change.Action;
import dev.ops.core.change.ActionTypes;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Writes an {@link Action}'s logical name (from the {@link ActionTypes} of every module on the
 * class path) as its JSON type id, and reads it back; a record written with a Java class name (by
 * an older ops) is still read when that class is a registered action.
 */
public final class ActionTypeResolver extends TypeIdResolverBase {
    private static final class Registry {
        static final Map<String, Class<? extends Action>> BY_NAME = new HashMap<>();
        static final Map<Class<?>, String> BY_CLASS = new HashMap<>();

        static {
            for (ActionTypes types : ServiceLoader.load(ActionTypes.class, ActionTypeResolver.class.getClassLoader())) {
                types.types().forEach((name, type) -> {
                    Class<? extends Action> other = BY_NAME.putIfAbsent(name, type);
                    if (other != null && other != type) {
                        throw new IllegalStateException("action type name " + name + " is claimed by " + other.getName() + " and " + type.getName());
                    }
                    BY_CLASS.put(type, name);
                });
            }
        }
    }

    private JavaType base;

    @Override
    public void init(JavaType baseType) {
        this.base = baseType;
    }

    /** The logical name of an action class, or empty when it has none. */
    public static java.util.Optional<String> nameOf(Class<?> type) {
        return java.util.Optional.ofNullable(Registry.BY_CLASS.get(type));
    }

    @Override
    public String idFromValue(Object value) {
        return idFromValueAndType(value, value.getClass());
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> type) {
        String name = Registry.BY_CLASS.get(type);
        if (name == null) {
            throw new IllegalStateException("action " + type.getName() + " has no logical name: list it in its module's "
                    + ActionTypes.class.getName() + " (META-INF/services)");
        }
        return name;
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
        Class<? extends Action> type = Registry.BY_NAME.get(id);
        if (type == null) {
            // A record of an older ops names the Java class; accept it only for a registered action.
            type = Registry.BY_NAME.values().stream().filter(t -> t.getName().equals(id)).findFirst().orElse(null);
        }
        if (type == null) {
            return null;
        }
        return context.constructSpecializedType(base, type);
    }

    @Override
    public String getDescForKnownTypeIds() {
        return String.join(", ", Registry.BY_NAME.keySet());
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.CUSTOM;
    }
}
