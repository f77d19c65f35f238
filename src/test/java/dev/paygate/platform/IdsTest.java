package dev.paygate.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void anIdIsItsPrefixAnd24LettersOrDigits() {
        String id = Ids.next("pay");
        assertTrue(id.matches("pay_[0-9A-Za-z]{24}"), id);
        assertTrue(Ids.random(32).matches("[0-9A-Za-z]{32}"));
    }

    @Test
    void threadsDrawingAtOnceNeverGetTheSameId() throws Exception {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            threads.submit(() -> {
                for (int i = 0; i < 5_000; i++) {
                    ids.add(Ids.next("txn"));
                }
            });
        }
        threads.shutdown();
        assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS));
        assertEquals(40_000, ids.size());
    }

    @Test
    void everyCharacterOfTheAlphabetIsUsedAboutEquallyOften() {
        int[] counts = new int[128];
        int draws = 62 * 2_000;
        String s = Ids.random(draws);
        s.chars().forEach(c -> counts[c]++);
        for (char c : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray()) {
            // 2,000 expected each; 1,700..2,300 is more than six standard deviations either side.
            assertTrue(counts[c] > 1_700 && counts[c] < 2_300, c + ": " + counts[c]);
        }
    }
}
