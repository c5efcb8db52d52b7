package ai.openclaw.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.memory.MemoryService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The memory service handed out while the memory engine opens ({@link DeferredMemoryService}). */
class DeferredMemoryServiceTest {
    @Test
    void everyMethodWaitsForTheOpenServiceAndReachesItDefaultOnesIncluded() throws Exception {
        List<String> calls = new ArrayList<>();
        MemoryService recorder = (MemoryService) Proxy.newProxyInstance(MemoryService.class.getClassLoader(),
                new Class<?>[] {MemoryService.class}, (proxy, method, args) -> {
                    calls.add(method.getName() + (args == null ? 0 : args.length));
                    return method.getReturnType() == int.class ? 0 : null;
                });
        CompletableFuture<MemoryService> opening = new CompletableFuture<>();
        MemoryService deferred = new DeferredMemoryService(opening);
        Method first = MemoryService.class.getMethod("settings");
        CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> invoke(deferred, first));
        assertThat(calls).isEmpty();
        opening.complete(recorder);
        waiting.join();
        assertThat(calls).containsExactly("settings0");
        int expected = 1;
        for (Method m : MemoryService.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            assertThat(DeferredMemoryService.class.getDeclaredMethod(m.getName(), m.getParameterTypes()))
                    .as("declared: %s", m).isNotNull();
            invoke(deferred, m);
            expected++;
            assertThat(calls).as("forwarded: %s", m).hasSize(expected)
                    .last().isEqualTo(m.getName() + m.getParameterCount());
        }
    }

    @Test
    void whenTheEngineCannotOpenEachCallThrowsWhyNotAWrapper() {
        MemoryService deferred = new DeferredMemoryService(
                CompletableFuture.failedFuture(new IllegalStateException("cannot open the memory index at /x")));
        assertThatThrownBy(deferred::settings).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot open the memory index at /x");
    }

    private static Object invoke(MemoryService target, Method m) {
        Object[] args = new Object[m.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = m.getParameterTypes()[i] == int.class ? 0 : null;
        }
        try {
            return m.invoke(target, args);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError(m + " failed", e);
        }
    }
}
