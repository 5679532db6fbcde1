package id.go.bangka.inovasi.events;

/** A value with its label in Bahasa Indonesia, as portals and the web show it. */
public interface Labelled {

    /** The Indonesian label. */
    String label();
}
