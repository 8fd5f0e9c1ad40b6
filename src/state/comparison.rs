//! Route selection, topic filters and the reader's priorities for the comparison.
