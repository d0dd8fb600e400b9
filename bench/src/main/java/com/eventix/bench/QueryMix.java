package com.eventix.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Searches as people type them: mostly one or two words, often unfinished ("jaz", "rock fes", "acc"), sometimes a
 * city or a category name, sometimes narrowed by category or price or sorted by date. Every query of a set is
 * distinct (distinct cache keys), so a set run once meets an empty search cache.
 */
final class QueryMix {
    private static final BigDecimal[][] PRICE_RANGES = {
            {null, bd(20)}, {bd(10), bd(50)}, {bd(20), bd(80)}, {bd(50), bd(150)}, {bd(100), null}, {null, bd(30)}};

    private QueryMix() {
    }

    /** {@code count} distinct queries, none of whose paths is in {@code exclude}. */
    static List<SearchQuery> distinct(int count, long seed, Set<String> exclude) {
        Random random = new Random(seed);
        Map<String, SearchQuery> queries = new LinkedHashMap<>();
        int attempts = 0;
        while (queries.size() < count && attempts++ < count * 200) {
            SearchQuery q = next(random);
            if (!exclude.contains(q.path())) {
                queries.putIfAbsent(q.path(), q);
            }
        }
        return new ArrayList<>(queries.values());
    }

    private static SearchQuery next(Random random) {
        Vocabulary.Category cat = weightedCategory(random);
        String subject = one(random, cat.subjects());
        String noun = one(random, cat.nouns());
        double kind = random.nextDouble();
        String label;
        String q;
        if (kind < 0.30) {
            label = "prefix (3-5 letters)";
            double from = random.nextDouble();
            String word = from < 0.6 ? subject : from < 0.75 ? noun : from < 0.9 ? one(random, Vocabulary.CITIES)
                    : one(random, Vocabulary.ADJECTIVES);
            q = prefix(random, word);
        } else if (kind < 0.50) {
            label = "one word";
            double from = random.nextDouble();
            q = from < 0.6 ? subject : from < 0.75 ? noun : from < 0.9 ? one(random, Vocabulary.ADJECTIVES)
                    : one(random, Vocabulary.DESCRIPTION_WORDS);
        } else if (kind < 0.75) {
            label = "two words";
            double form = random.nextDouble();
            if (form < 0.35) {
                q = subject + " " + prefix(random, noun);                          // "rock fes"
            } else if (form < 0.6) {
                q = one(random, Vocabulary.CITIES) + " " + subject;                // "accra jazz"
            } else if (form < 0.8) {
                q = one(random, Vocabulary.ADJECTIVES) + " " + prefix(random, subject); // "summer ja"
            } else {
                q = subject + " " + noun;                                          // "jazz festival"
            }
        } else if (kind < 0.92) {
            label = "city";
            q = one(random, Vocabulary.CITIES);
        } else {
            label = "category name";
            q = cat.name();
        }
        String category = random.nextDouble() < 0.15 ? cat.name() : null;
        BigDecimal[] price = random.nextDouble() < 0.15 ? PRICE_RANGES[random.nextInt(PRICE_RANGES.length)]
                : new BigDecimal[] {null, null};
        boolean byStart = random.nextDouble() < 0.20;
        int page = random.nextDouble() < 0.10 ? 2 : 1;
        return new SearchQuery(label, q, category, price[0], price[1], byStart, page, 20);
    }

    /** The first 3 to 5 letters, always fewer than the whole word. */
    private static String prefix(Random random, String word) {
        int max = Math.min(5, word.length() - 1);
        if (max < 3) {
            return word;
        }
        return word.substring(0, 3 + random.nextInt(max - 2));
    }

    private static Vocabulary.Category weightedCategory(Random random) {
        List<Integer> numbers = Vocabulary.weightedCategoryNumbers();
        return Vocabulary.CATEGORIES.get(numbers.get(random.nextInt(numbers.size())) - 1);
    }

    private static String one(Random random, List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    private static BigDecimal bd(int v) {
        return BigDecimal.valueOf(v);
    }
}
