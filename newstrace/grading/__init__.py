"""Class-scale grading with nbgrader: pre-check, confined parallel autograding, feedback, grades.csv."""
