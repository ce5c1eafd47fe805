"""What a release says, extracted: grants, milestones and their field lists, sentences and tables,
the dateline lead, structured data, and the legal text (disclaimers) a release must carry.
"""
