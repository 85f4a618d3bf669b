package dev.crossover.loadgen.cache;

import java.util.ArrayList;
import java.util.List;

/**
 * A labelled question set for the semantic cache workload, written by hand: each family is one
 * question and paraphrases of it (same answer); different families need different answers, even
 * where they share words ("capital of France" and "capital of Spain"), so a hit across families is
 * a false hit. Short, everyday questions, the kind a support or tutoring assistant receives.
 */
public final class CacheQuestions {
    private CacheQuestions() {}

    private static final String[][] FAMILIES = {
        {"What is the capital of France?", "what's the capital city of France", "Tell me the capital of France."},
        {"What is the capital of Spain?", "what's the capital city of Spain", "Tell me the capital of Spain."},
        {"How many legs does a spider have?", "how many legs do spiders have", "What is the number of legs on a spider?"},
        {"How many legs does an insect have?", "how many legs do insects have", "What is the number of legs on an insect?"},
        {"How do I reset my password?", "how can I reset my password", "What are the steps to reset my password?"},
        {"How do I delete my account?", "how can I delete my account", "What are the steps to close my account for good?"},
        {"What time does the store open on Sunday?", "when does the shop open on Sundays", "What are your Sunday opening hours?"},
        {"Can I return an item after 30 days?", "is it possible to return something after thirty days", "Do you accept returns later than 30 days?"},
        {"How long does standard shipping take?", "how many days does regular delivery take", "What is the delivery time for standard shipping?"},
        {"Do you ship to Canada?", "can you deliver to Canada", "Is shipping to Canada available?"},
        {"What is the boiling point of water at sea level?", "at what temperature does water boil at sea level", "Tell me water's boiling point at sea level."},
        {"What is the freezing point of water?", "at what temperature does water freeze", "Tell me the temperature at which water turns to ice."},
        {"Who wrote Pride and Prejudice?", "who is the author of Pride and Prejudice", "Which writer wrote the novel Pride and Prejudice?"},
        {"Who painted the Mona Lisa?", "who is the painter of the Mona Lisa", "Which artist painted the Mona Lisa?"},
        {"How do I convert Celsius to Fahrenheit?", "what's the formula from Celsius to Fahrenheit", "How can I change a temperature in Celsius into Fahrenheit?"},
        {"How many minutes are in a day?", "how many minutes does a day have", "What is the number of minutes in one day?"},
        {"What is the largest planet in the solar system?", "which planet is the biggest in our solar system", "Name the largest planet orbiting the Sun."},
        {"What is the smallest planet in the solar system?", "which planet is the smallest in our solar system", "Name the smallest planet orbiting the Sun."},
        {"How do I update my billing address?", "how can I change my billing address", "Where do I edit the billing address on my account?"},
        {"Can I pay with PayPal?", "do you accept PayPal", "Is PayPal a payment option?"},
        {"What is photosynthesis?", "explain photosynthesis", "Can you tell me what photosynthesis is?"},
        {"Why is the sky blue?", "what makes the sky look blue", "Explain why the sky appears blue."},
        {"How do I cancel my subscription?", "how can I cancel my subscription", "What are the steps to end my subscription?"},
        {"How do I upgrade my plan?", "how can I move to a higher plan", "What are the steps to upgrade my subscription plan?"},
        {"What is the speed of light?", "how fast does light travel", "Tell me the speed of light in a vacuum."},
        {"How far is the Moon from the Earth?", "what's the distance between the Earth and the Moon", "How many kilometres away is the Moon?"},
        {"How do I track my order?", "where can I see the status of my order", "How can I follow my package's delivery?"},
        {"Is there a student discount?", "do you offer discounts for students", "Can students get a reduced price?"},
        {"What does HTTP stand for?", "what is HTTP short for", "Spell out the abbreviation HTTP."},
        {"What does CPU stand for?", "what is CPU short for", "Spell out the abbreviation CPU."},
        {"How many continents are there?", "what is the number of continents", "How many continents does the Earth have?"},
        {"How many oceans are there?", "what is the number of oceans", "How many oceans does the Earth have?"},
    };

    /** All families, in a fixed order. */
    public static List<QuestionFamily> all() {
        List<QuestionFamily> out = new ArrayList<>();
        for (int i = 0; i < FAMILIES.length; i++) {
            out.add(new QuestionFamily("q" + (i + 1), List.of(FAMILIES[i])));
        }
        return out;
    }
}
