namespace NewsCorpus.Entities;

public enum EntityKind { Person, Organisation, Place }
