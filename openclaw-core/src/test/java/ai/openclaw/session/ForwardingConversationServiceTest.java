package ai.openclaw.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardingConversationServiceTest {
    @Test
    void everyMethodOfTheInterfaceIsForwardedDefaultOnesIncluded() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Method m : ConversationService.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            try {
                Method own = ForwardingConversationService.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
                assertEquals(m.getReturnType(), own.getReturnType(), m.getName());
            } catch (NoSuchMethodException e) {
                missing.add(m.toString());
            }
        }
        assertTrue(missing.isEmpty(), "not forwarded: " + missing);
    }

    @Test
    void eachCallReachesTheDelegateWithItsArguments() throws Exception {
        List<String> calls = new ArrayList<>();
        ConversationService recorder = (ConversationService) Proxy.newProxyInstance(
                ConversationService.class.getClassLoader(), new Class<?>[] {ConversationService.class},
                (proxy, method, args) -> {
                    calls.add(method.getName() + (args == null ? 0 : args.length));
                    return null;
                });
        ConversationService forwarding = new ForwardingConversationService(recorder) {
        };
        int expected = 0;
        for (Method m : ConversationService.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                Class<?> t = m.getParameterTypes()[i];
                args[i] = t == int.class ? 0 : null;
            }
            m.invoke(forwarding, args);
            expected++;
            assertEquals(m.getName() + args.length, calls.get(calls.size() - 1), "forwarded " + m);
        }
        assertEquals(expected, calls.size());
    }
}
