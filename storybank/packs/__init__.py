"""Training packs: a trainer puts stories (by reference, read through the consent gate each time) beside prompts,
activities and notes, in an order they choose."""
