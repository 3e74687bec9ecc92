package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** word_stem against Trino 476's stems of 251 words (word>stem, or the word alone where it is its own stem). */
class TestWordStem extends LocalQueryTest {
    private static final String TRINO_STEMS = ""
            + "the be to of and a in that have it for not on with he as you do at this but his by from they "
            + "we say her she or an will my one all would there their what so up out if about who get which "
            + "go me when make can like time no just him know take people>peopl into year your good some could "
            + "them see other than then now look only>onli come its>it over think also back after use two how "
            + "our work first well way even new want because>becaus any>ani these give day most us running>run "
            + "runs>run ran runner happily>happili happiness>happi generously>generous generation>generat communication>communic "
            + "arsenal skies>sky dying>die lying>lie tying>tie idly>idl gently>gentl ugly>ugli early>earli "
            + "singly>singl sky news howe atlas cosmos bias andes inning outing canning herring earring proceed "
            + "exceed succeed caresses>caress ponies>poni ties>tie cries>cri gas this gaps>gap kiwis>kiwi agreed>agre "
            + "feed plastered>plaster bled motoring>motor sing hopping>hop hoped>hope hoping>hope falling>fall "
            + "filing>file fizzed>fizz conflated>conflat troubled>troubl sized>size tanned>tan relational>relat "
            + "conditional>condit rational>ration valenci>valenc hesitanci>hesit digitizer>digit conformabli>conform "
            + "radicalli>radic differentli>differ vileli>vile analogousli>analog vietnamization>vietnam predication>predic "
            + "operator>oper feudalism>feudal decisiveness>decis hopefulness>hope callousness>callous formaliti>formal "
            + "sensitiviti>sensit sensibiliti>sensibl triplicate>triplic formative>format formalize>formal "
            + "electriciti>electr electrical>electr hopeful>hope goodness>good revival>reviv allowance>allow "
            + "inference>infer airliner>airlin gyroscopic>gyroscop adjustable>adjust defensible>defens irritant>irrit "
            + "replacement>replac adjustment>adjust dependent>depend adoption>adopt homologou communism activate>activ "
            + "angulariti>angular homologous>homolog effective>effect bowdlerize>bowdler probate>probat rate "
            + "cease>ceas controll>control roll crying>cri say by cry>cri apology>apolog apologies>apolog national>nation "
            + "nationally>nation consign consigned>consign consigning>consign consignment>consign consist consisted>consist "
            + "consistency>consist consistent>consist consistently>consist knightly>knight knights>knight kneel "
            + "kneeling>kneel dogs>dog Running>Run YELLOW yellow played>play player plays>play boy boys>boy "
            + "toy enjoy employer>employ Y yy a' dog's>dog dogs'>dog 'tis>tis café naïve>naïv über ";

    @Test
    void stemsAsTrino() throws Exception {
        List<String> words = new ArrayList<>();
        List<List<Object>> expected = new ArrayList<>();
        for (String entry : TRINO_STEMS.strip().split(" ")) {
            int arrow = entry.indexOf('>');
            String word = arrow < 0 ? entry : entry.substring(0, arrow);
            words.add(word);
            expected.add(List.of(word, arrow < 0 ? word : entry.substring(arrow + 1)));
        }
        String values = String.join(", ", words.stream().map(word -> "('" + word.replace("'", "''") + "')").toList());
        LocalQueryRunner.Result result = run("SELECT w, word_stem(w) FROM (VALUES " + values + ") t(w)");
        assertThat(result.rows()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(words).hasSizeGreaterThanOrEqualTo(200);
    }

    @Test
    void typesLanguagesAndNulls() throws Exception {
        assertResult("SELECT word_stem('running', 'en'), word_stem(''), word_stem(CAST(NULL AS varchar(5)))",
                List.of("varchar(7)", "varchar(0)", "varchar(5)"), Arrays.asList("run", "", null));
        assertThatThrownBy(() -> run("SELECT word_stem('x', 'xx')")).hasStackTraceContaining("Unknown stemmer language: xx");
        assertThatThrownBy(() -> run("SELECT word_stem('laufen', 'de')")).hasStackTraceContaining("not supported");
    }
}
