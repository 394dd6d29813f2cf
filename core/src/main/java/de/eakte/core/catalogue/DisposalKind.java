package de.eakte.core.catalogue;

/** Aussonderung once the retention period has ended: A archive, B appraise, V destroy. */
public enum DisposalKind {
    A, B, V
}
