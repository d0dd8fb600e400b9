package com.eventix.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words seeded events are made of and searches are made from: categories with their own subjects and event
 * nouns (a music event is a "Jazz Festival", a sports event a "Marathon Cup"), plus adjectives, cities, venues and
 * description words shared by all. Several hundred distinct words, so that prefixes of 3 to 5 letters have the
 * selectivity of a real catalogue: "jaz" finds one genre, "con" finds concerts, conferences and contemporary art.
 */
final class Vocabulary {
    /** A category: its name (events.category), its weight in the catalogue, its subjects and its event nouns. */
    record Category(String name, int weight, List<String> subjects, List<String> nouns) {
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("music", 30, words("""
                    jazz blues rock pop hiphop techno house reggae afrobeats highlife soul funk gospel classical
                    opera metal punk indie folk country salsa tango samba amapiano dancehall electronic ambient disco
                    rnb bluegrass flamenco kpop trap drill grime dubstep trance ska swing bebop zouk kizomba"""),
                    words("festival concert night live sessions showcase jam tour party gala weekender fest")),
            new Category("sports", 16, words("""
                    football basketball tennis marathon cycling boxing rugby cricket volleyball golf swimming
                    athletics wrestling baseball hockey badminton triathlon karate judo fencing rowing climbing
                    surfing skateboarding esports chess polo handball netball squash"""),
                    words("cup championship league open classic derby tournament final challenge series invitational race")),
            new Category("conference", 16, words("""
                    cloud security blockchain fintech startup design product marketing analytics robotics kubernetes
                    java python javascript devops data learning healthcare climate energy agritech leadership mobile
                    web quantum biotech payments ecommerce privacy opensource microservices database serverless
                    testing accessibility sustainability logistics insurance edtech proptech gaming cybersecurity"""),
                    words("summit conference forum meetup symposium congress days week expo bootcamp hackathon roundtable")),
            new Category("theatre", 6, words("""
                    shakespeare musical drama ballet tragedy farce puppetry mime cabaret monologues circus pantomime
                    vaudeville burlesque"""),
                    words("premiere season production revival matinee performance")),
            new Category("comedy", 6, words("standup improv sketch roast satire slapstick parody sitcom storytelling"),
                    words("show night special tour marathon showcase")),
            new Category("food", 8, words("""
                    wine beer coffee chocolate barbecue vegan cocktail cheese seafood sushi pizza taco brunch whisky
                    gin tea jollof bakery ramen curry dumpling suya"""),
                    words("tasting fair market crawl feast pairing masterclass carnival")),
            new Category("arts", 5, words("""
                    painting sculpture photography ceramics printmaking textile illustration calligraphy architecture
                    graffiti mural pottery watercolour"""),
                    words("exhibition biennale studio retrospective salon installation")),
            new Category("film", 5, words("documentary animation horror shorts noir western anime scifi thriller"),
                    words("screening cinema premiere retrospective marathon nights")),
            new Category("workshop", 4, words("""
                    knitting woodworking coding yoga meditation dance drumming guitar piano singing writing baking
                    photography sewing gardening"""),
                    words("workshop class course retreat clinic lab")),
            new Category("charity", 2, words("literacy orphans ocean wildlife shelter hunger malaria education water"),
                    words("auction fundraiser walk dinner ball appeal")),
            new Category("networking", 2, words("founders investors alumni developers creatives engineers women freelancers"),
                    words("mixer social breakfast afterwork circle")));

    static final List<String> ADJECTIVES = words("""
            grand annual live summer winter spring autumn midnight international royal urban acoustic electric golden
            silver neon open secret underground modern ultimate global national epic intimate unplugged tropical
            sunset sunrise weekend mega premier vintage wild coastal rooftop riverside downtown heritage cosmic
            blazing vibrant legendary emerald crimson""");

    static final List<String> CITIES = words("""
            accra lagos nairobi kampala kigali johannesburg durban cairo casablanca dakar abuja kumasi london paris
            berlin amsterdam madrid barcelona lisbon rome milan vienna prague warsaw dublin stockholm oslo copenhagen
            helsinki chicago boston austin seattle denver atlanta miami toronto montreal vancouver bogota lima santiago
            tokyo seoul singapore mumbai delhi bangalore dubai doha sydney melbourne auckland manila jakarta bangkok""");

    static final List<String> VENUE_NAMES = words("""
            harbour victoria independence unity liberty central national civic jubilee millennium crystal union
            kingsway palm oceanview lakeside hilltop marina station exchange sterling meridian oasis atlas""");

    static final List<String> VENUE_TYPES = words("""
            arena stadium hall theatre club lounge park gardens pavilion centre auditorium amphitheatre warehouse
            terrace beach convention gallery museum forum dome square plaza courtyard ballroom""");

    static final List<String> DESCRIPTION_WORDS = words("""
            lineup headliners artists speakers families panels food drinks vendors merchandise parking shuttle
            accessible outdoor indoor seated standing tickets limited exclusive early afterparty networking community
            local emerging celebrated fresh talents dj band orchestra choir ensemble quartet trio keynote demos
            beginners experts kids students professionals volunteers sponsors proceeds raffle prizes giveaways booth
            crafts stalls stage tent lights fireworks breakfast lunch dinner buffet vip backstage signing encore
            mentors awards screenings games karaoke dancing""");

    /** Tier names by position: the first tier is the cheapest. */
    static final List<String> TIER_NAMES = List.of("General Admission", "VIP", "Backstage");

    private Vocabulary() {
    }

    /** Categories repeated by weight, so that picking uniformly from this list picks by weight. */
    static List<Integer> weightedCategoryNumbers() {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < CATEGORIES.size(); i++) {
            for (int w = 0; w < CATEGORIES.get(i).weight(); w++) {
                numbers.add(i + 1);
            }
        }
        return numbers;
    }

    static Category categoryOf(String subject) {
        return CATEGORIES.stream().filter(c -> c.subjects().contains(subject)).findFirst().orElseThrow();
    }

    /** Every distinct word events can contain (after PostgreSQL's 'simple' parser splits them). */
    static Set<String> distinctWords() {
        Set<String> all = new TreeSet<>();
        for (Category c : CATEGORIES) {
            all.add(c.name());
            all.addAll(c.subjects());
            all.addAll(c.nouns());
        }
        for (List<String> list : List.of(ADJECTIVES, CITIES, VENUE_NAMES, VENUE_TYPES, DESCRIPTION_WORDS)) {
            all.addAll(list);
        }
        return all;
    }

    static Map<String, List<String>> lists() {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("adjectives", ADJECTIVES);
        lists.put("cities", CITIES);
        lists.put("venue names", VENUE_NAMES);
        lists.put("venue types", VENUE_TYPES);
        lists.put("description words", DESCRIPTION_WORDS);
        return lists;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }
}
