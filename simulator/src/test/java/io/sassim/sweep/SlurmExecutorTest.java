package io.sassim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The command an array element runs goes through {@code sbatch --wrap}, i.e. through {@code sh}:
 * every word, whatever it holds, must reach sassim unchanged.
 */
class SlurmExecutorTest {

  private static List<String> throughShell(List<String> words) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", "exec printf '%s\\0' "
        + SlurmExecutor.shellWords(words)).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    List<String> back = new ArrayList<>(List.of(out.split("\0", -1)));
    back.remove(back.size() - 1); // after the last NUL
    return back;
  }

  @Test
  void wordsSurviveTheShellWhateverTheyHold() throws Exception {
    assertEquals(List.of("/opt/my dir/java", "-Dx=it's", "$HOME", "a\"b", "`id`", "*", ""),
        throughShell(List.of("/opt/my dir/java", "-Dx=it's", "$HOME", "a\"b", "`id`", "*", "")));
    String alphabet = "ab '\"$`\\*?;&|<>(){}[]#~!%\t=,.";
    SplittableRandom random = new SplittableRandom(42);
    for (int round = 0; round < 20; round++) {
      List<String> words = new ArrayList<>();
      for (int w = 1 + random.nextInt(5); w > 0; w--) {
        StringBuilder b = new StringBuilder();
        for (int c = random.nextInt(12); c > 0; c--) {
          b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        words.add(b.toString());
      }
      assertEquals(words, throughShell(words));
    }
  }
}
