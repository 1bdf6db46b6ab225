/**
 * The concepts of the sample dictionary: English and French glosses and definitions, a part of
 * speech and a semantic domain each. Written for this project; the vernacular words are made up
 * by generate-sample.ts. French nouns carry their gender (`:f`) for derived forms.
 *
 * Columns: part of speech | English gloss | French gloss | domain | English definition | French definition
 */
export const VOCABULARY = `
Noun|sun|soleil|1.1 Sky|the star that gives light and warmth by day|l'astre qui donne la lumière et la chaleur le jour
Noun|moon|lune:f|1.1 Sky|the light in the night sky that changes shape during the month|la lumière du ciel nocturne qui change de forme au cours du mois
Noun|star|étoile:f|1.1 Sky|a small point of light in the night sky|un petit point de lumière dans le ciel nocturne
Noun|cloud|nuage|1.1 Sky|a grey or white mass in the sky that may bring rain|une masse grise ou blanche dans le ciel qui peut apporter la pluie
Noun|rain|pluie:f|1.1 Sky|water falling in drops from the clouds|l'eau qui tombe des nuages en gouttes
Noun|wind|vent|1.1 Sky|air that moves|l'air qui se déplace
Noun|thunder|tonnerre|1.1 Sky|the loud noise heard after lightning|le grand bruit entendu après l'éclair
Noun|mountain|montagne:f|1.2 World|a very high hill|une colline très haute
Noun|hill|colline:f|1.2 World|a raised piece of land, lower than a mountain|une élévation de terrain, moins haute qu'une montagne
Noun|stone|pierre:f|1.2 World|a small piece of rock|un petit morceau de roche
Noun|sand|sable|1.2 World|fine grains of rock found on beaches and river banks|les grains fins de roche des plages et des berges
Noun|earth|terre:f|1.2 World|the soil in which plants grow|le sol où poussent les plantes
Noun|cave|grotte:f|1.2 World|a hollow place in the side of a hill|un creux dans le flanc d'une colline
Noun|water|eau:f|1.3 Water|the clear liquid of rivers and rain|le liquide clair des rivières et de la pluie
Noun|river|rivière:f|1.3 Water|a large stream of water flowing to the sea|un grand cours d'eau qui coule vers la mer
Noun|lake|lac|1.3 Water|a large area of still water surrounded by land|une grande étendue d'eau calme entourée de terre
Noun|spring|source:f|1.3 Water|a place where water comes out of the ground|un endroit où l'eau sort de la terre
Noun|wave|vague:f|1.3 Water|moving water rising on the surface of a lake or the sea|l'eau qui se soulève à la surface d'un lac ou de la mer
Noun|tree|arbre|1.5 Plant|a tall plant with a wooden trunk|une grande plante au tronc de bois
Noun|leaf|feuille:f|1.5 Plant|a flat green part of a plant|une partie plate et verte d'une plante
Noun|root|racine:f|1.5 Plant|the part of a plant that grows under the ground|la partie d'une plante qui pousse sous la terre
Noun|flower|fleur:f|1.5 Plant|the coloured part of a plant from which fruit grows|la partie colorée d'une plante d'où vient le fruit
Noun|seed|graine:f|1.5 Plant|the small hard part of a plant from which a new plant grows|la petite partie dure d'où pousse une nouvelle plante
Noun|grass|herbe:f|1.5 Plant|low green plants covering the ground|les plantes vertes et basses qui couvrent le sol
Noun|yam|igname:f|1.5 Plant|a root crop that is boiled or roasted|un tubercule que l'on fait bouillir ou griller
Noun|dog|chien|1.6 Animal|an animal kept to guard the house and to hunt|un animal gardé pour surveiller la maison et chasser
Noun|bird|oiseau|1.6 Animal|an animal with feathers and wings|un animal à plumes et à ailes
Noun|fish|poisson|1.6 Animal|an animal that lives in water and swims|un animal qui vit dans l'eau et nage
Noun|snake|serpent|1.6 Animal|a long animal without legs|un long animal sans pattes
Noun|goat|chèvre:f|1.6 Animal|a small animal with horns kept for milk and meat|un petit animal à cornes élevé pour le lait et la viande
Noun|chicken|poule:f|1.6 Animal|a bird kept for its eggs and meat|un oiseau élevé pour ses œufs et sa viande
Noun|bee|abeille:f|1.6 Animal|a flying insect that makes honey|un insecte volant qui fait le miel
Noun|egg|œuf|1.6 Animal|the round object laid by a bird, from which its young come|l'objet rond pondu par un oiseau, d'où sortent ses petits
Noun|head|tête:f|2.1 Body|the top part of the body|la partie haute du corps
Noun|eye|œil|2.1 Body|the part of the body with which one sees|la partie du corps avec laquelle on voit
Noun|ear|oreille:f|2.1 Body|the part of the body with which one hears|la partie du corps avec laquelle on entend
Noun|mouth|bouche:f|2.1 Body|the opening in the face used for eating and speaking|l'ouverture du visage qui sert à manger et à parler
Noun|hand|main:f|2.1 Body|the part of the arm with the fingers|la partie du bras qui porte les doigts
Noun|foot|pied|2.1 Body|the part of the leg on which one stands|la partie de la jambe sur laquelle on se tient
Noun|heart|cœur|2.1 Body|the organ in the chest that pumps the blood|l'organe de la poitrine qui fait circuler le sang
Noun|bone|os|2.1 Body|a hard part inside the body|une partie dure à l'intérieur du corps
Noun|fever|fièvre:f|2.5 Healthy|a body that is too hot because of illness|un corps trop chaud à cause d'une maladie
Noun|medicine|remède|2.5 Healthy|something taken to get well|ce que l'on prend pour guérir
Noun|word|mot|3 Language and thought|a unit of speech that has a meaning|une unité de la parole qui a un sens
Noun|story|histoire:f|3 Language and thought|an account of things that happened, told aloud|le récit de choses arrivées, raconté à voix haute
Noun|name|nom|3 Language and thought|what a person or thing is called|ce par quoi on appelle une personne ou une chose
Noun|song|chant|3 Language and thought|words sung to a tune|des paroles chantées sur un air
Noun|mother|mère:f|4.1 Relationships|a woman in relation to her children|une femme par rapport à ses enfants
Noun|father|père|4.1 Relationships|a man in relation to his children|un homme par rapport à ses enfants
Noun|child|enfant|4.1 Relationships|a young person|une jeune personne
Noun|friend|ami|4.1 Relationships|a person one likes and trusts|une personne que l'on aime et en qui l'on a confiance
Noun|elder|ancien|4.1 Relationships|an old and respected person of the village|une personne âgée et respectée du village
Noun|guest|hôte|4 Social behavior|a person who is received in one's house|une personne que l'on reçoit chez soi
Noun|gift|cadeau|4 Social behavior|something given without asking for payment|ce que l'on donne sans demander de paiement
Noun|feast|fête:f|4 Social behavior|a large meal shared to celebrate|un grand repas partagé pour célébrer
Noun|house|maison:f|5.1 Household equipment|a building where a family lives|un bâtiment où vit une famille
Noun|door|porte:f|5.1 Household equipment|the opening by which one enters a house|l'ouverture par laquelle on entre dans une maison
Noun|pot|marmite:f|5.1 Household equipment|a round vessel for cooking|un récipient rond pour cuire
Noun|basket|panier|5.1 Household equipment|a container woven from grass or cane|un récipient tressé en herbe ou en rotin
Noun|mat|natte:f|5.1 Household equipment|a woven cover for sitting or sleeping on the floor|un tissage pour s'asseoir ou dormir par terre
Noun|knife|couteau|5.1 Household equipment|a tool with a sharp blade for cutting|un outil à lame tranchante pour couper
Noun|fire|feu|5.2 Food|the flames and heat of burning wood|les flammes et la chaleur du bois qui brûle
Noun|salt|sel|5.2 Food|the white grains that give food its taste|les grains blancs qui donnent du goût à la nourriture
Noun|porridge|bouillie:f|5.2 Food|grain cooked soft in water|du grain cuit mou dans l'eau
Noun|honey|miel|5.2 Food|the sweet food made by bees|la nourriture sucrée faite par les abeilles
Noun|bread|pain|5.2 Food|food baked from flour|un aliment cuit au four à partir de farine
Noun|field|champ|6 Work and occupation|a piece of land where crops are grown|un terrain où l'on cultive
Noun|hoe|houe:f|6 Work and occupation|a tool for breaking the soil|un outil pour retourner la terre
Noun|rope|corde:f|6 Work and occupation|a thick string made of twisted fibres|une grosse ficelle de fibres tordues
Noun|net|filet|6 Work and occupation|a mesh of string for catching fish|un maillage de ficelle pour attraper les poissons
Noun|road|route:f|7 Physical actions|a way along which people travel|un chemin par où voyagent les gens
Noun|canoe|pirogue:f|7 Physical actions|a narrow boat made from a tree trunk|un bateau étroit taillé dans un tronc
Verb|eat|manger|5.2 Food|to take food into the mouth and swallow it|prendre de la nourriture dans la bouche et l'avaler
Verb|drink|boire|5.2 Food|to take water or another liquid into the mouth|prendre de l'eau ou un autre liquide dans la bouche
Verb|cook|cuisiner|5.2 Food|to make food ready by heating it|préparer la nourriture en la chauffant
Verb|sleep|dormir|5 Daily life|to rest with the eyes closed|se reposer les yeux fermés
Verb|wash|laver|5 Daily life|to make clean with water|rendre propre avec de l'eau
Verb|sweep|balayer|5 Daily life|to clean the floor with a broom|nettoyer le sol avec un balai
Verb|see|voir|2.1 Body|to notice with the eyes|percevoir avec les yeux
Verb|hear|entendre|2.1 Body|to notice sounds with the ears|percevoir les sons avec les oreilles
Verb|speak|parler|3 Language and thought|to say words aloud|dire des mots à voix haute
Verb|sing|chanter|3 Language and thought|to make music with the voice|faire de la musique avec la voix
Verb|know|savoir|3 Language and thought|to have something in one's mind as true|avoir une chose en tête comme vraie
Verb|forget|oublier|3 Language and thought|to stop remembering|cesser de se souvenir
Verb|give|donner|4 Social behavior|to hand something over to another person|remettre une chose à une autre personne
Verb|help|aider|4 Social behavior|to do part of another person's work for them|faire une partie du travail d'un autre pour lui
Verb|greet|saluer|4 Social behavior|to say words of welcome when meeting someone|dire des paroles d'accueil en rencontrant quelqu'un
Verb|dig|creuser|6 Work and occupation|to make a hole in the ground|faire un trou dans la terre
Verb|plant|planter|6 Work and occupation|to put a seed or a young plant into the ground|mettre une graine ou une jeune plante en terre
Verb|weave|tisser|6 Work and occupation|to make cloth or a basket by crossing threads or strips|faire un tissu ou un panier en croisant des fils ou des lanières
Verb|hunt|chasser|6 Work and occupation|to follow and kill animals for food|poursuivre et tuer des animaux pour se nourrir
Verb|walk|marcher|7 Physical actions|to move along on foot|avancer à pied
Verb|run|courir|7 Physical actions|to move quickly on foot|avancer vite à pied
Verb|carry|porter|7 Physical actions|to hold something while moving|tenir une chose en se déplaçant
Verb|climb|grimper|7 Physical actions|to go up using hands and feet|monter en s'aidant des mains et des pieds
Verb|swim|nager|7 Physical actions|to move through water|se déplacer dans l'eau
Verb|throw|lancer|7 Physical actions|to send something through the air with the hand|envoyer une chose dans l'air avec la main
Adjective|big|grand|8.1 Quantity|of more than usual size|d'une taille plus grande que d'habitude
Adjective|small|petit|8.1 Quantity|of less than usual size|d'une taille plus petite que d'habitude
Adjective|many|nombreux|8.1 Quantity|a large number of|en grand nombre
Adjective|red|rouge|8 States|of the colour of blood|de la couleur du sang
Adjective|white|blanc|8 States|of the colour of salt|de la couleur du sel
Adjective|black|noir|8 States|of the colour of the night sky|de la couleur du ciel de la nuit
Adjective|hot|chaud|8 States|having a high temperature|qui a une température élevée
Adjective|cold|froid|8 States|having a low temperature|qui a une température basse
Adjective|new|nouveau|8 States|recently made or found|fait ou trouvé depuis peu
Adjective|old|vieux|8 States|having existed for a long time|qui existe depuis longtemps
Adjective|sweet|sucré|5.2 Food|tasting like honey|qui a le goût du miel
Adjective|ill|malade|2.5 Healthy|not in good health|en mauvaise santé
Adverb|quickly|vite|7 Physical actions|at a high speed|à grande vitesse
Adverb|slowly|lentement|7 Physical actions|at a low speed|à petite vitesse
Adverb|today|aujourd'hui|8 States|on this day|en ce jour
Adverb|yesterday|hier|8 States|on the day before today|le jour avant aujourd'hui
Adverb|here|ici|8 States|at this place|à cet endroit
Pronoun|I|je|9 Grammar|the person speaking|la personne qui parle
Pronoun|you|tu|9 Grammar|the person spoken to|la personne à qui l'on parle
Pronoun|we|nous|9 Grammar|the speaker and others|celui qui parle et d'autres
Particle|not|ne … pas|9 Grammar|marks a statement as untrue|marque une affirmation comme fausse
Particle|question|est-ce que|9 Grammar|marks a sentence as a question|marque une phrase comme question
`;

/** Example sentences: the concepts they use (by English gloss), then English and French. */
export const EXAMPLES: ReadonlyArray<readonly [readonly string[], string, string]> = [
  [['child', 'eat', 'fish'], 'The child eats fish.', "L'enfant mange du poisson."],
  [['mother', 'cook', 'porridge'], 'Mother is cooking porridge.', 'Maman prépare de la bouillie.'],
  [['rain', 'today'], 'It is raining today.', "Il pleut aujourd'hui."],
  [['we', 'plant', 'yam', 'field'], 'We plant yams in the field.', 'Nous plantons des ignames dans le champ.'],
  [['dog', 'run', 'quickly'], 'The dog runs fast.', 'Le chien court vite.'],
  [['elder', 'story', 'speak'], 'The elder tells a story.', "L'ancien raconte une histoire."],
  [['I', 'not', 'know', 'name'], 'I do not know (his) name.', 'Je ne connais pas (son) nom.'],
  [['bee', 'honey', 'sweet'], 'The honey of bees is sweet.', 'Le miel des abeilles est sucré.'],
  [['friend', 'give', 'gift'], 'A friend gives a gift.', 'Un ami offre un cadeau.'],
  [['father', 'weave', 'basket', 'yesterday'], 'Father wove a basket yesterday.', 'Papa a tressé un panier hier.'],
  [['swim', 'river', 'cold'], 'Swimming in the river is cold.', "Nager dans la rivière, c'est froid."],
  [['you', 'see', 'moon', 'question'], 'Do you see the moon?', 'Est-ce que tu vois la lune ?'],
];

/** Notes on some entries, by English gloss. */
export const NOTES: ReadonlyArray<readonly [string, string]> = [
  ['sun', 'Also used as a respectful name for the village chief.'],
  ['water', 'Older speakers use a different word for drinking water; not yet recorded.'],
  ['elder', 'Plural formed by reduplication: check with more speakers.'],
  ['greet', 'The reply to a greeting uses the same root with a rising tone.'],
  ['canoe', 'Loan from a neighbouring language? Compare the word for "tree trunk".'],
  ['fever', 'Usually said of children; adults use a longer phrase.'],
  ['honey', 'Wild honey & farmed honey are not distinguished.'],
  ['not', 'Always follows the verb <see grammar notes>.'],
];
